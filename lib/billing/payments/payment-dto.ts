import type { Payment } from '@/lib/generated/prisma/client';
import { moneyToJson } from '@/lib/money';
import type { TPayment } from './schemas';

export function paymentToDto(payment: Payment): TPayment {
  return {
    id: payment.id,
    invoice_id: payment.invoiceId,
    amount: moneyToJson(payment.amount),
    currency: payment.currency as TPayment['currency'],
    method: payment.method,
    provider: payment.provider,
    provider_payment_id: payment.providerPaymentId,
    reference: payment.reference,
    paid_at: payment.paidAt.toISOString(),
    created_at: payment.createdAt.toISOString(),
  };
}
