import type { PaymentProvider, RefundStatus } from '@/lib/generated/prisma/client';
import type { TRefundEventStatus } from './inbound-event';

export type TRefundTransition =
  | { kind: 'succeed' }
  | { kind: 'fail' }
  /** Stripe: a refund that had succeeded failed afterwards (the bank returned the money). */
  | { kind: 'return' }
  /** Still pending at the provider: only learn its id. */
  | { kind: 'note_reference' }
  | { kind: 'ignore'; why: string };

/**
 * What a provider's refund status does to our refund (SPEC §12): a final status is never replaced
 * by an older one — duplicates and late deliveries change nothing — except Stripe's failure after
 * success, which is a return of money already refunded: it releases the reservation.
 */
export function refundTransition(current: RefundStatus, incoming: TRefundEventStatus, provider: PaymentProvider, returned: boolean): TRefundTransition {
  if (current === 'pending') {
    if (incoming === 'succeeded') return { kind: 'succeed' };
    if (incoming === 'failed') return { kind: 'fail' };
    return { kind: 'note_reference' };
  }
  if (current === 'succeeded' && incoming === 'failed') {
    return provider === 'stripe' ? { kind: 'return' } : { kind: 'ignore', why: `${provider} reports failed after succeeded; a final status is kept.` };
  }
  if (current === incoming) return { kind: 'ignore', why: `Already ${current}.` };
  return { kind: 'ignore', why: `Already ${returned ? 'returned' : current}: an older ${incoming} changes nothing.` };
}
