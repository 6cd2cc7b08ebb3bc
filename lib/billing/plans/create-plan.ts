import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { decimalFromJsonNumber } from '@/lib/money';
import { planToDto } from './plan-dto';
import type { TCreatePlanInput, TPlan } from './schemas';

export async function createPlan(input: TCreatePlanInput, actor: TActor, requestId?: string): Promise<TPlan> {
  const monthly = decimalFromJsonNumber(input.base_price_monthly);
  try {
    return await db().$transaction(async (tx) => {
      const plan = await tx.plan.create({
        data: {
          name: input.name,
          slug: input.slug,
          currency: input.currency,
          basePriceMonthly: monthly.toString(),
          // Seed: "annual_price = monthly * 10" when not given.
          basePriceAnnual: (input.base_price_annual === undefined ? monthly.times(10) : decimalFromJsonNumber(input.base_price_annual)).toString(),
          perAgentPrice: decimalFromJsonNumber(input.per_agent_price).toString(),
          overageMessagePrice: decimalFromJsonNumber(input.overage_message_price).toString(),
          limits: input.limits,
          features: input.features,
          sortOrder: input.sort_order,
        },
      });
      const dto = planToDto(plan);
      await recordAudit(tx, actor, { action: 'plan.created', entityType: 'plan', entityId: plan.id, after: dto, requestId });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'slug')) throw slugTaken(input.slug);
    throw error;
  }
}

export const slugTaken = (slug: string) =>
  conflict('slug_taken', `The slug "${slug}" is already used by another plan.`, undefined, [{ path: 'slug', message: 'This slug is already taken.' }]);
