import type { TActor } from '@/lib/auth/actor';
import { conflict } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { providerName } from '@/lib/billing/providers/provider-name';
import { paymentGateway, type GatewayRefundResult } from './payment-gateway';
import { reserveRefund } from './reserve-refund';
import type { TRefundInput, TRefundResult } from './schemas';
import { settleRefund } from './settle-refund';

/**
 * Refunds all or part of a paid invoice (SPEC §6).
 *
 * Race-freedom: step 1 (reserve-refund.ts) locks the invoice row, checks, and *reserves* the
 * amount — a `pending` refund row and `amount_refunded` raised — in one transaction, so concurrent
 * refunds of one invoice run one after another and each sees the others' reservations: their sum
 * can never exceed `amount_paid` (a CHECK constraint backs this up). The gateway is called after
 * that commit, holding no lock; step 2 (settle-refund.ts) settles: `succeeded` keeps the
 * reservation, `failed` releases it, leaving the invoice's totals as they were. A crash between the
 * steps leaves a `pending` refund that still counts against the refundable amount — never a double
 * refund. Round trips: BEGIN, lock, writes, COMMIT for step 1; one statement for step 2.
 *
 * The gateway sends the refund to the provider that took the payment (SPEC §12, provider-gateway.ts),
 * with the refund's id as the provider's idempotency key; a provider that does not answer in time
 * leaves it `pending`, settled later by the provider's webhook or the reconciler.
 */
export async function refundInvoice(rawId: string, input: TRefundInput, actor: TActor, requestId?: string): Promise<TRefundResult> {
  const invoiceId = parseId(rawId, 'invoice');
  const reservation = await reserveRefund(invoiceId, input, actor, requestId);

  const outcome: GatewayRefundResult = await paymentGateway()
    .refund({
      refundId: reservation.refundId, invoiceId, amount: reservation.amount, currency: reservation.currency, reason: input.reason,
      provider: reservation.provider, providerPaymentId: reservation.providerPaymentId,
    })
    .catch((error: unknown) => ({ status: 'failed' as const, reason: `Gateway error: ${String((error as Error)?.message ?? error)}` }));

  const result = await settleRefund(reservation, outcome, actor, requestId);
  // Recorded as failed (its reservation given back) and answered 409 in the provider's words:
  // the provider's records disagree with ours (already refunded there, more than is left there).
  if (outcome.status === 'failed' && outcome.refusal) {
    throw conflict('provider_refused', `${providerName(reservation.provider)} refused the refund: ${outcome.refusal.message} (${outcome.refusal.code}).`, {
      provider: reservation.provider, provider_code: outcome.refusal.code, refund: result.refund, invoice_status: result.invoice_status,
    });
  }
  return result;
}
