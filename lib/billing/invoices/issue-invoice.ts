import type { TActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { db, type Tx } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import type { Subscription } from '@/lib/generated/prisma/client';
import { draftSubscriptionInvoice, readSubscriptionPrices } from './draft-subscription-invoice';
import { insertInvoices } from './insert-invoices';
import { recordInvoiceCoupons } from './invoice-coupon';

export interface TIssueInvoiceInput {
  subscriptionId: string;
  periodStart: Date;
  periodEnd: Date;
  /** Messages sent in the period (overage; ignored on annual invoices). */
  messagesUsed: number;
  issuedAt?: Date;
  /** Days until the invoice is due. */
  dueInDays?: number;
}

/**
 * Issues the invoice of one subscription for one period, in one transaction: prices from the plan
 * and add-ons as they are now, the subscription's coupon while it has cycles left and fits the plan
 * (SPEC §10: the coupon's use was counted when it was applied; each discounted invoice spends a
 * cycle, invoice-coupon.ts), tax at TAX_RATE, a gap-free number, exactly once per period
 * (insertInvoices: a unique index, not a check-then-insert — a period already invoiced is 409
 * period_already_invoiced, and the cycle spent on it is rolled back with the rest).
 * The billing run (lib/billing/runs/) issues renewals through the same three steps in batches.
 */
export async function issueInvoice(input: TIssueInvoiceInput, actor: TActor | 'system' = 'system') {
  return db().$transaction((tx) => issueInvoiceInTx(tx, input, actor));
}

/** issueInvoice inside the caller's transaction; run it last there (the month's number counter stays locked to the commit). */
export async function issueInvoiceInTx(tx: Tx, input: TIssueInvoiceInput, actor: TActor | 'system' = 'system') {
  const issuedAt = input.issuedAt ?? now();
  const subscription = await lockSubscription(tx, input.subscriptionId);
  if (subscription.status === 'cancelled') throw conflict('subscription_cancelled', 'A cancelled subscription is not invoiced.');
  const prices = await readSubscriptionPrices(tx, subscription);
  const { draft } = draftSubscriptionInvoice(subscription, prices, { ...input, issuedAt });
  await recordInvoiceCoupons(tx, [{ subscriptionId: subscription.id, discount: draft.computed.discountTotal }]);
  // The number last: the month's counter row is locked from this statement to the commit.
  await insertInvoices(tx, [draft], actor);
  return tx.invoice.findUniqueOrThrow({ where: { id: draft.id } });
}

async function lockSubscription(tx: Tx, id: string): Promise<Subscription> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM subscriptions WHERE id = ${id}::uuid FOR UPDATE`;
  const subscription = locked.length ? await tx.subscription.findUnique({ where: { id } }) : null;
  if (!subscription) throw notFound('subscription');
  return subscription;
}
