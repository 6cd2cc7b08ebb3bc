import { describe, expect, it } from 'vitest';
import { listProviderEvents } from '@/lib/billing/webhooks/list-provider-events';
import { db } from '@/lib/db';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { listStuckRefunds } from './list-stuck-refunds';

const MINUTE = 60_000;

describe('the Payments & refunds page data', () => {
  it('stuck refunds: pending longer than REFUND_PENDING_RECHECK (10 min), oldest first, with their age; settled and recent ones left out', async () => {
    const invoice = await createInvoiceFixture({ status: 'partially_refunded', amountRefunded: '3000' });
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE);
    const make = (status: 'pending' | 'succeeded', minutesAgo: number, amount: string) =>
      db().refund.create({ data: { invoiceId: invoice.id, amount, currency: 'IDR', reason: `${status} ${minutesAgo}`, status, provider: 'xendit', createdAt: at(minutesAgo) } });
    const old = await make('pending', 125, '1000');
    const stuck = await make('pending', 11, '1000');
    await make('pending', 2, '500');
    await make('succeeded', 300, '500');

    const rows = (await listStuckRefunds()).filter((row) => row.invoiceId === invoice.id);
    expect(rows.map((row) => row.id)).toEqual([old.id, stuck.id]);
    expect(rows[0]).toMatchObject({ invoiceNumber: invoice.number, provider: 'xendit', currency: 'IDR', checkedAt: null });
    expect(rows[0]!.amount.toFixed()).toBe('1000');
    expect(rows[0]!.ageMs).toBeGreaterThanOrEqual(125 * MINUTE);
    expect(rows[0]!.organizationName).toMatch(/^Org /);
  });

  it('provider events: newest first, filtered by state, with the number of the invoice each matched', async () => {
    const invoice = await createInvoiceFixture();
    const event = (key: string, state: 'applied' | 'unmatched', secondsAgo: number, invoiceId: string | null) =>
      db().providerEvent.create({
        data: { provider: 'stripe', eventKey: `evt_${key}_${Math.random()}`, eventType: 'refund.updated', payload: {}, state, invoiceId, receivedAt: new Date(Date.now() - secondsAgo * 1000) },
      });
    const applied = await event('applied', 'applied', 5, invoice.id);
    const lost = await event('lost', 'unmatched', 1, null);
    const orphan = await event('orphan', 'applied', 3, '00000000-0000-4000-8000-000000000000');

    const recent = await listProviderEvents();
    expect(recent.slice(0, 3).map((row) => row.id)).toEqual([lost.id, orphan.id, applied.id]);
    expect(recent[2]).toMatchObject({ invoiceNumber: invoice.number, state: 'applied', provider: 'stripe' });
    expect(recent[1]).toMatchObject({ invoiceNumber: null });
    const unmatched = await listProviderEvents({ state: 'unmatched' });
    expect(unmatched.every((row) => row.state === 'unmatched')).toBe(true);
    expect(unmatched.map((row) => row.id)).toContain(lost.id);
  });
});
