import { randomUUID } from 'node:crypto';
import type { PaymentGateway } from '@/lib/billing/refunds/payment-gateway';

/**
 * `manual` refunds (SPEC §6, §12): the operator returned the money themselves (and may say how:
 * the refund's method and reference); no provider is called, so it is settled at once.
 */
export const manualGateway: PaymentGateway = {
  async refund() {
    return { status: 'succeeded', reference: `re_${randomUUID().replace(/-/g, '')}` };
  },
  async lookup() {
    return { status: 'succeeded', reference: `re_${randomUUID().replace(/-/g, '')}` };
  },
};
