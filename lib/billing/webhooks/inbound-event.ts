import type { PaymentProvider } from '@/lib/generated/prisma/client';
import type { Decimal } from '@/lib/money';

export type TRefundEventStatus = 'pending' | 'succeeded' | 'failed';

/** A provider's webhook, verified and read into what it means for us (parse-xendit-event.ts, parse-stripe-event.ts). */
export interface TInboundEvent {
  provider: Exclude<PaymentProvider, 'manual'>;
  /** Unique per delivery of one event: Stripe's event id; for Xendit the SHA-256 of the raw body. */
  eventKey: string;
  eventType: string;
  objectId: string | null;
  payload: unknown;
  action:
    | { kind: 'refund'; ourRefundId: string | null; providerRefundId: string; status: TRefundEventStatus; failureReason: string | null }
    | { kind: 'payment'; invoiceId: string | null; providerPaymentId: string; amount: Decimal; currency: string; method: string; reference: string; paidAt: Date | null }
    | { kind: 'other' };
}
