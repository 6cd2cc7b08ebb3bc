import { randomUUID } from 'node:crypto';
import type { Decimal } from '@/lib/money';

export interface GatewayRefundRequest {
  refundId: string;
  invoiceId: string;
  amount: Decimal;
  currency: string;
  reason: string;
}

export type GatewayRefundResult =
  | { status: 'succeeded'; reference: string }
  | { status: 'pending'; reference: string }
  | { status: 'failed'; reason: string };

/** Where refunds settle. The one interface in the codebase with two implementations: the default and a test double. */
export interface PaymentGateway {
  refund(request: GatewayRefundRequest): Promise<GatewayRefundResult>;
}

/** The default: the money is returned at once (SPEC §6). */
export const immediateGateway: PaymentGateway = {
  async refund() {
    return { status: 'succeeded', reference: `re_${randomUUID().replace(/-/g, '')}` };
  },
};

let current: PaymentGateway = immediateGateway;

export function paymentGateway(): PaymentGateway {
  return current;
}

/** Tests swap in a gateway that fails (or stalls); returns a function restoring the previous one. */
export function usePaymentGateway(gateway: PaymentGateway): () => void {
  const previous = current;
  current = gateway;
  return () => {
    current = previous;
  };
}
