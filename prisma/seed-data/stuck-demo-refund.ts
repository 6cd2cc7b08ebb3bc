import type { TDemoBilling } from './build-demo-billing';
import { seedUuid } from './prng';

const MINUTE = 60_000;

/**
 * One refund stuck `pending` at Xendit for 45 minutes (SPEC §12), so the Payments & refunds page
 * has a stuck refund to "recheck now" in the demo: a tenth of the oldest Xendit-paid invoice still
 * wholly paid. Its amount is reserved as a pending refund's is (amount_refunded, partially
 * refunded). The demo's fake Xendit has never heard of it: asked again with our refund id as the
 * idempotency key, it makes the refund now and calls the webhook back, as a real recovery would.
 */
export function addStuckDemoRefund(billing: TDemoBilling, now: Date, refundActorId: string | null): void {
  const xenditPaid = new Map(billing.payments.filter((payment) => payment.provider === 'xendit').map((payment) => [payment.invoiceId, payment]));
  const invoice = billing.invoices
    .filter((candidate) => candidate.status === 'paid' && candidate.currency === 'IDR' && xenditPaid.has(candidate.id!))
    .sort((a, b) => a.number.localeCompare(b.number))[0];
  if (!invoice) return;
  const amount = (Number(invoice.total) / 10).toFixed(0);
  const createdAt = new Date(now.getTime() - 45 * MINUTE);
  invoice.status = 'partially_refunded';
  invoice.amountRefunded = amount;
  billing.refunds.push({
    id: seedUuid(`refund-stuck:${invoice.number}`),
    invoiceId: invoice.id!,
    amount,
    currency: 'IDR',
    reason: 'Duplicate charge reported by the customer (stuck at the provider)',
    status: 'pending',
    provider: 'xendit',
    paymentId: xenditPaid.get(invoice.id!)!.id,
    actorUserId: refundActorId,
    createdAt,
  });
}
