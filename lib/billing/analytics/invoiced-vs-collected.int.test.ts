import { beforeAll, describe, expect, it } from 'vitest';
import { GET as overviewRoute } from '@/app/api/v1/admin/billing/analytics/overview/route';
import { recordPayment } from '@/lib/billing/payments/record-payment';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { ZOverview } from './schemas';

// docs/METRICS.md "Revenue": invoiced vs collected, partial payments, usage invoices. MYR in 2019:
// no other test data of this file's database is there.
let api: ReturnType<typeof apiAs>;
const grossRevenue = async (from: string, to: string) => {
  const result = await api(overviewRoute, { query: { from, to, currency: 'MYR' } });
  expect(result.status, result.text).toBe(200);
  return ZOverview.parse(result.body).current.gross_revenue;
};
const FEBRUARY = ['2019-02-01', '2019-03-01'] as const;
const MARCH = ['2019-03-01', '2019-04-01'] as const;
const usageInvoice = async (total: string, issuedAt: string) => {
  const invoice = await createInvoiceFixture({ status: 'open', total, currency: 'MYR', issuedAt: new Date(issuedAt) });
  return db().invoice.update({ where: { id: invoice.id }, data: { kind: 'usage' } });
};
const pay = (id: string, amount: number, paidAt: string) => recordPayment(id, { amount, method: 'bank_transfer', reference: `REF-${crypto.randomUUID()}`, paid_at: paidAt }, 'system');

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
});

describe('invoiced vs collected', () => {
  it('an issued invoice is no revenue; a partial payment neither; the covering payment counts the whole amount in its own period; a usage invoice counts like any other', async () => {
    const halves = await usageInvoice('500.00', '2019-02-10T00:00:00Z');
    const whole = await usageInvoice('100.00', '2019-02-11T00:00:00Z');
    await usageInvoice('70.00', '2019-02-12T00:00:00Z'); // invoiced, never paid
    expect(await grossRevenue(...FEBRUARY)).toBe(0);

    await pay(whole.id, 100, '2019-02-15T08:00:00Z');
    await pay(halves.id, 200, '2019-02-20T08:00:00Z');
    // The usage invoice paid in full is February revenue; the half-paid one is still only outstanding.
    expect(await grossRevenue(...FEBRUARY)).toBe(100);
    expect(await db().invoice.findUniqueOrThrow({ where: { id: halves.id } })).toMatchObject({ status: 'open', paidAt: null });

    await pay(halves.id, 300, '2019-03-05T08:00:00Z');
    expect(await grossRevenue(...FEBRUARY)).toBe(100);
    expect(await grossRevenue(...MARCH)).toBe(500);
  });
});
