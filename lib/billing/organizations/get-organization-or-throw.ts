import { mrrOf } from '@/lib/billing/subscriptions/price-items';
import { currentItems } from '@/lib/billing/subscriptions/compute-change';
import { SUBSCRIPTION_INCLUDE, subscriptionToDto } from '@/lib/billing/subscriptions/subscription-dto';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { moneyToJson } from '@/lib/money';
import { organizationToDto } from './organization-dto';
import type { TOrganizationDetail } from './schemas';

/**
 * GET /organizations/{id}: the organization with its current subscription (the live one, else the
 * latest), that subscription's MRR contribution (0 once cancelled), what its open invoices still
 * owe, and counts.
 */
export async function getOrganizationOrThrow(rawId: string): Promise<TOrganizationDetail> {
  const id = parseId(rawId, 'organization');
  // Three statements (one connection each from the pool), the counts and the amount owed in one.
  const [organization, subscription, [totals]] = await Promise.all([
    db().organization.findUnique({ where: { id } }),
    db().subscription.findFirst({ where: { organizationId: id }, orderBy: [{ cancelledAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }], include: SUBSCRIPTION_INCLUDE }),
    db().$queryRaw<[{ subscriptions: number; invoices: number; open_invoices: number; refunds: number; owed: string | null }]>`
      SELECT (SELECT count(*) FROM subscriptions WHERE organization_id = ${id}::uuid)::int AS subscriptions,
             i.invoices, i.open_invoices, i.owed,
             (SELECT count(*) FROM refunds r JOIN invoices ri ON ri.id = r.invoice_id WHERE ri.organization_id = ${id}::uuid)::int AS refunds
        FROM (SELECT count(*)::int AS invoices, (count(*) FILTER (WHERE status = 'open'))::int AS open_invoices,
                     (sum(total - amount_paid) FILTER (WHERE status = 'open'))::text AS owed
                FROM invoices WHERE organization_id = ${id}::uuid) i`,
  ]);
  if (!organization) throw notFound('organization');
  const live = subscription && subscription.status !== 'cancelled' ? subscription : null;
  return {
    ...organizationToDto(organization),
    subscription: subscription ? subscriptionToDto(subscription) : null,
    mrr: live ? moneyToJson(mrrOf(currentItems(live), live.currency, live.coupon, live.couponCyclesUsed)) : 0,
    currency: subscription?.currency ?? null,
    outstanding_amount: moneyToJson(totals.owed ?? 0),
    counts: { subscriptions: totals.subscriptions, invoices: totals.invoices, open_invoices: totals.open_invoices, refunds: totals.refunds },
  };
}
