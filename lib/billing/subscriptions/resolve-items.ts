import type { Tx } from '@/lib/db';
import { BillingError, conflict, validationFailed, type FieldError } from '@/lib/errors';
import type { Addon, Plan } from '@/lib/generated/prisma/client';
import type { TBillingCycle } from '../periods/billing-period';
import type { TItems } from './price-items';
import type { TAddonItemInput } from './schemas';

/**
 * Turns the ids of a create or change body into priced items, judging the catalog rules (SPEC §10):
 * the plan exists and is active (409 plan_inactive; a change may keep its current, deactivated
 * plan), in `currency` when one is fixed; every add-on exists, in the plan's currency, and is
 * active unless the subscription already has it; a per-agent add-on's quantity is the agent
 * count (stored as 1: the invoice engine multiplies by the agents), a flat one's defaults to 1.
 * Rows in `known` (read by the caller in the same transaction) are not read again.
 */
export async function resolveItems(
  tx: Tx,
  input: { planId: string; billingCycle: TBillingCycle; agentCount: number; addons: readonly TAddonItemInput[]; currency?: string },
  current?: { planId: string; addonIds: readonly string[] },
  known: { plans?: readonly Plan[]; addons?: readonly Addon[] } = {},
): Promise<TItems> {
  const planId = input.planId.toLowerCase();
  const plan = known.plans?.find((row) => row.id === planId) ?? (await tx.plan.findUnique({ where: { id: planId } }));
  if (!plan) throw validationFailed([{ path: 'plan_id', message: 'No plan has this id.' }]);
  assertPlanUsable(plan, input.currency, current?.planId);

  const ids = input.addons.map((item) => item.addon_id.toLowerCase());
  const byId = new Map((known.addons ?? []).filter((addon) => ids.includes(addon.id)).map((addon) => [addon.id, addon]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) for (const addon of await tx.addon.findMany({ where: { id: { in: missing } } })) byId.set(addon.id, addon);
  const errors: FieldError[] = [];
  const addons: TItems['addons'] = [];
  input.addons.forEach((item, index) => {
    const addon = byId.get(item.addon_id.toLowerCase());
    const problem = addon ? addonProblem(addon, item, plan, input.agentCount, current?.addonIds ?? []) : 'No add-on has this id.';
    if (problem) errors.push({ path: `addons.${index}.${problem.includes('quantity') ? 'quantity' : 'addon_id'}`, message: problem });
    else addons.push({ addon: addon!, quantity: addon!.unit === 'per_agent' ? 1 : (item.quantity ?? 1) });
  });
  if (errors.length) throw validationFailed(errors);
  return { plan, billingCycle: input.billingCycle, agentCount: input.agentCount, addons };
}

function assertPlanUsable(plan: Plan, currency: string | undefined, currentPlanId: string | undefined): void {
  if (!plan.isActive && plan.id !== currentPlanId) throw conflict('plan_inactive', `Plan ${plan.name} is deactivated: nobody can subscribe to it.`, { plan_id: plan.id });
  if (currency && plan.currency !== currency) {
    throw new BillingError(409, 'currency_mismatch', `Plan ${plan.name} is priced in ${plan.currency}; this subscription is billed in ${currency}.`, { extra: { plan_id: plan.id } });
  }
}

function addonProblem(addon: Addon, item: TAddonItemInput, plan: Plan, agentCount: number, kept: readonly string[]): string | null {
  if (!addon.isActive && !kept.includes(addon.id)) return `Add-on ${addon.name} is deactivated.`;
  if (addon.currency !== plan.currency) return `Add-on ${addon.name} is priced in ${addon.currency}, the plan in ${plan.currency}.`;
  if (addon.unit === 'per_agent' && item.quantity !== undefined && item.quantity !== agentCount) {
    return `A per-agent add-on's quantity is the agent count (${agentCount}); leave quantity out.`;
  }
  return null;
}
