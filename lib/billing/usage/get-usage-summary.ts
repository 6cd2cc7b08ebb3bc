import { openUsageWindow, type TPeriod } from '@/lib/billing/runs/next-billing-step';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { moneyToJson, roundMoney, toDecimal } from '@/lib/money';

export interface TUsageSummary {
  subscription_id: string;
  organization_id: string;
  period_start: string;
  period_end: string;
  /** Messages reported for the period so far. */
  messages_used: number;
  /** The plan's max_messages_month; null: unlimited. */
  messages_included: number | null;
  overage_messages: number;
  /** messages_used extrapolated to the whole period at the rate so far (equal to used once it has ended). */
  projected_messages: number;
  projected_overage_messages: number;
  currency: string;
  overage_message_price: number;
  /** projected_overage_messages × overage price, before tax, rounded like an invoice line. */
  projected_overage_amount: number;
}

/** How much of a usage period must have passed before the usage so far is extrapolated to its end. */
export const MIN_ELAPSED_TO_PROJECT_MS = 86_400_000;

/**
 * Messages used vs included in a subscription's usage period, and the projected overage: what the
 * customer page shows (SPEC §11). Without `period`, the window still open — the month (annual) or
 * the period (monthly) the next usage or renewal invoice will bill (openUsageWindow). Pass
 * `subscriptionId`, or `organizationId` for its subscription that has not been cancelled (else its latest).
 */
export async function getUsageSummary(input: { subscriptionId?: string; organizationId?: string; period?: TPeriod; at?: Date }): Promise<TUsageSummary> {
  const subscription = input.subscriptionId
    ? await db().subscription.findUnique({ where: { id: input.subscriptionId }, include: { plan: true } })
    : await db().subscription.findFirst({
        where: { organizationId: input.organizationId ?? '' },
        orderBy: [{ cancelledAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
        include: { plan: true },
      });
  if (!subscription) throw notFound('subscription');
  const at = input.at ?? now();
  const period = input.period ?? openUsageWindow(subscription);
  const [{ messages }] = await db().$queryRaw<[{ messages: bigint }]>`
    SELECT COALESCE(sum(messages), 0)::bigint AS messages FROM usage_events
     WHERE organization_id = ${subscription.organizationId}::uuid AND occurred_at >= ${period.start} AND occurred_at < ${period.end}`;
  const used = Number(messages);
  const included = (subscription.plan.limits as { max_messages_month: number | null }).max_messages_month;
  const elapsed = Math.min(at.getTime(), period.end.getTime()) - period.start.getTime();
  const length = period.end.getTime() - period.start.getTime();
  // Extrapolating from minutes of a period would print absurd paces: until a day has gone by the pace is what is used.
  const projected = elapsed < MIN_ELAPSED_TO_PROJECT_MS ? used : Math.round((used * length) / elapsed);
  const beyond = (count: number) => (included === null ? 0 : Math.max(0, count - included));
  const price = toDecimal(subscription.plan.overageMessagePrice);
  return {
    subscription_id: subscription.id, organization_id: subscription.organizationId,
    period_start: period.start.toISOString(), period_end: period.end.toISOString(),
    messages_used: used, messages_included: included, overage_messages: beyond(used),
    projected_messages: projected, projected_overage_messages: beyond(projected),
    currency: subscription.currency, overage_message_price: moneyToJson(price),
    projected_overage_amount: moneyToJson(roundMoney(price.times(beyond(projected)), subscription.currency)),
  };
}
