import type { TActor } from '@/lib/auth/actor';
import { draftSubscriptionInvoice } from '@/lib/billing/invoices/draft-subscription-invoice';
import { insertInvoices } from '@/lib/billing/invoices/insert-invoices';
import { recordInvoiceCoupons } from '@/lib/billing/invoices/invoice-coupon';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict, validationFailed } from '@/lib/errors';
import { nthPeriod } from '../periods/billing-period';
import { attachCouponInTx } from './apply-coupon';
import { resolveItems } from './resolve-items';
import type { TCreateSubscriptionInput, TSubscription } from './schemas';
import { subscriptionToDto, type TSubscriptionRow } from './subscription-dto';

/**
 * POST /subscriptions (SPEC §10): the plan active, add-ons active, at least one agent; the first
 * period starts now and its invoice is issued at once, with the coupon (its use counted) when one
 * is given — all in one transaction, whose last statements take the contended rows (the coupon's,
 * then the month's invoice-number counter) so that concurrent sign-ups wait on them only briefly. At most one subscription per organization is not cancelled:
 * the partial UNIQUE index subscriptions_one_live_per_organization decides between concurrent
 * creates (409 subscription_exists).
 */
export async function createSubscription(input: TCreateSubscriptionInput, actor: TActor, requestId?: string): Promise<TSubscription> {
  try {
    return await db().$transaction(async (tx) => {
      // The organization and its live subscription, if any, in one read.
      const [organization] = await tx.$queryRaw<{ id: string; live_id: string | null }[]>`
        SELECT o.id::text AS id, (SELECT s.id::text FROM subscriptions s WHERE s.organization_id = o.id AND s.status <> 'cancelled' LIMIT 1) AS live_id
          FROM organizations o WHERE o.id = ${input.organization_id.toLowerCase()}::uuid`;
      if (!organization) throw validationFailed([{ path: 'organization_id', message: 'No organization has this id.' }]);
      if (organization.live_id) throw subscriptionExists(organization.live_id);
      const items = await resolveItems(tx, { planId: input.plan_id, billingCycle: input.billing_cycle, agentCount: input.agent_count, addons: input.addons ?? [] });

      const at = now();
      const period = nthPeriod(at, items.billingCycle, 0);
      // Nobody else sees these rows before the commit: no lock needed for what follows, and the
      // row with its relations is put together from what was just resolved, not read back.
      const inserted = await tx.subscription.create({
        data: {
          organizationId: organization.id, planId: items.plan.id, status: 'active', billingCycle: items.billingCycle, currency: items.plan.currency,
          agentCount: items.agentCount, startedAt: at, currentPeriodStart: period.start, currentPeriodEnd: period.end, createdAt: at, updatedAt: at,
        },
      });
      const addons = items.addons.map(({ addon, quantity }) => ({ subscriptionId: inserted.id, addonId: addon.id, quantity, createdAt: at, addon }));
      if (addons.length) await tx.subscriptionAddon.createMany({ data: addons.map(({ addon: _addon, ...row }) => row) });
      const created: TSubscriptionRow = { ...inserted, plan: items.plan, coupon: null, addons };
      const coupon = input.coupon_code ? await attachCouponInTx(tx, created, input.coupon_code, at) : null;
      const row = coupon?.row ?? created;
      // The first invoice, priced from what was just resolved and written (the same rows
      // readSubscriptionPrices would read back); its coupon cycle spent (recordInvoiceCoupons).
      const { draft } = draftSubscriptionInvoice(row, { plan: items.plan, addons: items.addons, coupon: row.coupon }, { periodStart: period.start, periodEnd: period.end, messagesUsed: 0, issuedAt: at });
      const spendsCycle = draft.computed.discountTotal.gt(0);
      await recordInvoiceCoupons(tx, [{ subscriptionId: created.id, discount: draft.computed.discountTotal }]);
      const subscription = subscriptionToDto({ ...row, couponCyclesUsed: row.couponCyclesUsed + (spendsCycle ? 1 : 0) });
      // The contended rows last, each for as short as possible: the coupon's (its use counted),
      // then the month's invoice-number counter (insertInvoices: one statement, which writes the
      // subscription's audit entry too), then the commit.
      await coupon?.countUse();
      await insertInvoices(tx, [draft], actor, [{ action: 'subscription.created', entityType: 'subscription', entityId: created.id, requestId, after: subscription }]);
      return subscription;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw subscriptionExists(null);
    throw error;
  }
}

function subscriptionExists(id: string | null) {
  return conflict('subscription_exists', 'This organization already has a subscription that is not cancelled: change it instead.', { subscription_id: id });
}
