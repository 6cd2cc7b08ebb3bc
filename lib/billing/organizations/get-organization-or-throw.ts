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
  const [organization, subscription, subscriptions, invoices, openInvoices, refunds, owed] = await Promise.all([
    db().organization.findUnique({ where: { id } }),
    db().subscription.findFirst({ where: { organizationId: id }, orderBy: [{ cancelledAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }], include: SUBSCRIPTION_INCLUDE }),
    db().subscription.count({ where: { organizationId: id } }),
    db().invoice.count({ where: { organizationId: id } }),
    db().invoice.count({ where: { organizationId: id, status: 'open' } }),
    db().refund.count({ where: { invoice: { organizationId: id } } }),
    db().$queryRaw<{ owed: string | null }[]>`SELECT sum(total - amount_paid)::text AS owed FROM invoices WHERE organization_id = ${id}::uuid AND status = 'open'`,
  ]);
  if (!organization) throw notFound('organization');
  const live = subscription && subscription.status !== 'cancelled' ? subscription : null;
  return {
    ...organizationToDto(organization),
    subscription: subscription ? subscriptionToDto(subscription) : null,
    mrr: live ? moneyToJson(mrrOf(currentItems(live), live.currency, live.coupon, live.couponCyclesUsed)) : 0,
    currency: subscription?.currency ?? null,
    outstanding_amount: moneyToJson(owed[0]?.owed ?? 0),
    counts: { subscriptions, invoices, open_invoices: openInvoices, refunds },
  };
}
