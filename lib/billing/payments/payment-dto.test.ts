import { describe, expect, it } from 'vitest';
import type { Payment } from '@/lib/generated/prisma/client';
import { Decimal } from '@/lib/money';
import { paymentToDto } from './payment-dto';

describe('paymentToDto', () => {
  it('shows a payment row with the API field names, its amount as a JSON number in major units and times as ISO strings', () => {
    const row: Payment = {
      id: 'pay1', invoiceId: 'i1', amount: new Decimal('10.5') as unknown as Payment['amount'], currency: 'USD', method: 'card', provider: 'stripe',
      providerPaymentId: 'pi_1', reference: 'ref-7', gatewayRef: 'gw', paidAt: new Date('2026-03-01T09:00:00.000Z'), createdAt: new Date('2026-03-01T09:00:01.000Z'),
    };
    expect(paymentToDto(row)).toEqual({
      id: 'pay1', invoice_id: 'i1', amount: 10.5, currency: 'USD', method: 'card', provider: 'stripe',
      provider_payment_id: 'pi_1', reference: 'ref-7', paid_at: '2026-03-01T09:00:00.000Z', created_at: '2026-03-01T09:00:01.000Z',
    });
  });
});
