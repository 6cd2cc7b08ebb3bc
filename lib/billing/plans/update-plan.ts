import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { db } from '@/lib/db';
import { conflict, notFound, validationFailed } from '@/lib/errors';
import { decimalFromJsonNumber, fitsCurrency } from '@/lib/money';
import { parseId } from '@/lib/http/parse';
import { slugTaken } from './create-plan';
import { planToDto } from './plan-dto';
import { PLAN_PRICE_FIELDS, type TPlan, type TUpdatePlanInput } from './schemas';

/**
 * Applies a partial update (PATCH; PUT is an alias). A price change does not rewrite issued
 * invoices, which keep their own copies of every price; changing base_price_monthly does not
 * recompute the annual price (SPEC §4).
 */
export async function updatePlan(rawId: string, input: TUpdatePlanInput, actor: TActor, requestId?: string): Promise<TPlan> {
  const id = parseId(rawId, 'plan');
  try {
    return await db().$transaction(async (tx) => {
      // Row lock: concurrent updates of one plan apply one after the other, each auditing what it saw.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM plans WHERE id = ${id}::uuid FOR UPDATE`;
      const current = locked.length ? await tx.plan.findUnique({ where: { id } }) : null;
      if (!current) throw notFound('plan');
      const before = planToDto(current);

      const currency = input.currency ?? before.currency;
      if (currency !== before.currency && (await tx.subscription.count({ where: { planId: id } })) > 0) {
        throw conflict('plan_currency_locked', 'This plan has subscriptions, so its currency cannot change.', undefined, [
          { path: 'currency', message: 'The plan has subscriptions; create a new plan for another currency.' },
        ]);
      }
      // Every resulting price must fit the resulting currency (a currency change re-checks them all).
      const misfits = PLAN_PRICE_FIELDS.filter((field) => !fitsCurrency(String(input[field] ?? before[field]), currency));
      if (misfits.length) {
        throw validationFailed(misfits.map((path) => ({ path, message: `${currency} amounts have at most the currency's decimals.` })));
      }

      const updated = await tx.plan.update({
        where: { id },
        data: {
          name: input.name,
          slug: input.slug,
          currency: input.currency,
          basePriceMonthly: money(input.base_price_monthly),
          basePriceAnnual: money(input.base_price_annual),
          perAgentPrice: money(input.per_agent_price),
          overageMessagePrice: money(input.overage_message_price),
          limits: input.limits,
          features: input.features,
          isActive: input.is_active,
          sortOrder: input.sort_order,
        },
      });
      const after = planToDto(updated);
      await recordAudit(tx, actor, { action: 'plan.updated', entityType: 'plan', entityId: id, before, after, requestId });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'slug') && input.slug) throw slugTaken(input.slug);
    throw error;
  }
}

const money = (value: number | undefined) => (value === undefined ? undefined : decimalFromJsonNumber(value).toString());
