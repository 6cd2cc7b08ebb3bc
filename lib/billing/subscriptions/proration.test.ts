import { describe, expect, it } from 'vitest';
import { Decimal } from '@/lib/money';
import type { TComputedInvoiceLine } from '../invoices/compute-invoice';
import {
  buildChangeInvoice,
  creditForUnusedDays,
  decideTiming,
  monthlyEquivalent,
  percentageDiscount,
  prorateLines,
  recurringChargedAfterDiscount,
  sumAmounts,
} from './proration';

const D = (value: string | number) => new Decimal(value);
const at = (iso: string) => new Date(iso);
const line = (kind: TComputedInvoiceLine['kind'], amount: number, extra: Partial<TComputedInvoiceLine> = {}): TComputedInvoiceLine => ({
  kind, description: kind, quantity: 1, unitAmount: D(amount), amount: D(amount), ...extra,
});

describe('sumAmounts', () => {
  it('adds every line, or only the kinds named', () => {
    const lines = [line('plan_base', 100), line('addon', 50), line('tax', 11), line('discount', -10)];
    expect(sumAmounts(lines).toString()).toBe('151');
    expect(sumAmounts(lines, ['plan_base', 'addon']).toString()).toBe('150');
    expect(sumAmounts([], ['tax']).toString()).toBe('0');
  });
});

describe('monthlyEquivalent', () => {
  it('is the amount for a monthly cycle and a twelfth of it for an annual one, unrounded', () => {
    expect(monthlyEquivalent(299000, 'monthly').toString()).toBe('299000');
    expect(monthlyEquivalent(100, 'annual').toFixed(6)).toBe('8.333333');
  });
});

describe('decideTiming', () => {
  const same = (from: number, to: number, requested?: 'now' | 'period_end') =>
    decideTiming({ fromCycle: 'monthly', toCycle: 'monthly', fromMonthly: from, toMonthly: to, requested });

  it('an increase takes effect now, or at period end when asked', () => {
    expect(same(100, 101)).toEqual({ ok: true, timing: 'now', direction: 'upgrade' });
    expect(same(100, 101, 'period_end')).toEqual({ ok: true, timing: 'period_end', direction: 'upgrade' });
    expect(same(100, 101, 'now')).toEqual({ ok: true, timing: 'now', direction: 'upgrade' });
  });

  it('a decrease takes effect at period end; asked for now it is refused with downgrade_at_period_end', () => {
    expect(same(100, 99)).toEqual({ ok: true, timing: 'period_end', direction: 'downgrade' });
    expect(same(100, 99, 'period_end')).toEqual({ ok: true, timing: 'period_end', direction: 'downgrade' });
    expect(same(100, 99, 'now')).toEqual({ ok: false, code: 'downgrade_at_period_end', direction: 'downgrade' });
  });

  it('an unchanged amount defaults to period end and may be applied now', () => {
    expect(same(100, 100)).toEqual({ ok: true, timing: 'period_end', direction: 'unchanged_amount' });
    expect(same(100, 100, 'now')).toEqual({ ok: true, timing: 'now', direction: 'unchanged_amount' });
  });

  it('monthly → annual starts now whatever the amounts; annual → monthly only at period end', () => {
    expect(decideTiming({ fromCycle: 'monthly', toCycle: 'annual', fromMonthly: 500, toMonthly: 1 })).toEqual({ ok: true, timing: 'now', direction: 'to_annual' });
    expect(decideTiming({ fromCycle: 'monthly', toCycle: 'annual', fromMonthly: 1, toMonthly: 500, requested: 'period_end' })).toEqual({ ok: true, timing: 'period_end', direction: 'to_annual' });
    expect(decideTiming({ fromCycle: 'annual', toCycle: 'monthly', fromMonthly: 1, toMonthly: 500 })).toEqual({ ok: true, timing: 'period_end', direction: 'to_monthly' });
    expect(decideTiming({ fromCycle: 'annual', toCycle: 'monthly', fromMonthly: 1, toMonthly: 500, requested: 'now' })).toEqual({ ok: false, code: 'downgrade_at_period_end', direction: 'to_monthly' });
    expect(decideTiming({ fromCycle: 'annual', toCycle: 'annual', fromMonthly: 10, toMonthly: 20 })).toEqual({ ok: true, timing: 'now', direction: 'upgrade' });
  });
});

describe('recurringChargedAfterDiscount', () => {
  it('is the recurring lines when there is no discount', () => {
    expect(recurringChargedAfterDiscount([line('plan_base', 299000), line('addon', 50000), line('tax', 38390)], 'IDR').toString()).toBe('349000');
  });

  it('takes off the whole discount when every charge recurs', () => {
    const lines = [line('plan_base', 299000), line('per_agent', 100000), line('discount', -79800), line('tax', 35112)];
    expect(recurringChargedAfterDiscount(lines, 'IDR').toString()).toBe('319200');
  });

  it('spreads the discount over overage too, in proportion, rounded half-up', () => {
    // 300 recurring + 100 overage, discount 50: the recurring share is 37.5 → 38.
    const lines = [line('plan_base', 300), line('overage', 100), line('discount', -50)];
    expect(recurringChargedAfterDiscount(lines, 'IDR').toString()).toBe('262');
    expect(recurringChargedAfterDiscount(lines, 'USD').toString()).toBe('262.5');
  });

  it('ignores an earlier credit line, and is never negative', () => {
    expect(recurringChargedAfterDiscount([line('plan_base', 100), line('credit', -60)], 'IDR').toString()).toBe('100');
    expect(recurringChargedAfterDiscount([line('plan_base', 100), line('discount', -100)], 'IDR').toString()).toBe('0');
    expect(recurringChargedAfterDiscount([line('overage', 100), line('discount', -100)], 'IDR').toString()).toBe('0');
  });

  it('is zero when nothing was charged', () => {
    expect(recurringChargedAfterDiscount([line('plan_base', 0), line('discount', 0)], 'IDR').toString()).toBe('0');
    expect(recurringChargedAfterDiscount([], 'IDR').toString()).toBe('0');
  });
});

describe('creditForUnusedDays', () => {
  const periodEnd = at('2026-02-01T00:00:00Z');

  it('credits the unused days (the change\'s day included) of what the covered days cost, rounded half-up', () => {
    // 31 days for 310000; changed on Jan 22 at noon: Jan 22–31 unused = 10 days.
    expect(creditForUnusedDays({ charged: 310000, coveredFrom: at('2026-01-01T00:00:00Z'), periodEnd, at: at('2026-01-22T12:00:00Z'), currency: 'IDR' }))
      .toEqual({ amount: D(100000), unusedDays: 10, coveredDays: 31 });
    // 1000 × 10 / 31 = 322.58… → 323
    expect(creditForUnusedDays({ charged: 1000, coveredFrom: at('2026-01-01T00:00:00Z'), periodEnd, at: at('2026-01-22T00:00:00Z'), currency: 'IDR' }).amount.toString()).toBe('323');
    expect(creditForUnusedDays({ charged: 1000, coveredFrom: at('2026-01-01T00:00:00Z'), periodEnd, at: at('2026-01-22T00:00:00Z'), currency: 'USD' }).amount.toString()).toBe('322.58');
  });

  it('half a unit rounds up', () => {
    // 2 × 1 / 4 days… 5 over 2 of 4 days = 2.5 → 3
    const result = creditForUnusedDays({ charged: 5, coveredFrom: at('2026-01-28T00:00:00Z'), periodEnd, at: at('2026-01-30T00:00:00Z'), currency: 'IDR' });
    expect(result).toEqual({ amount: D(3), unusedDays: 2, coveredDays: 4 });
  });

  it('credits a later proration\'s span from its own start', () => {
    const result = creditForUnusedDays({ charged: 200, coveredFrom: at('2026-01-22T00:00:00Z'), periodEnd, at: at('2026-01-27T09:00:00Z'), currency: 'IDR' });
    expect(result).toEqual({ amount: D(100), unusedDays: 5, coveredDays: 10 });
  });

  it('credits everything on the first day and nothing at or after the end', () => {
    expect(creditForUnusedDays({ charged: 310, coveredFrom: at('2026-01-01T00:00:00Z'), periodEnd, at: at('2026-01-01T23:59:59Z'), currency: 'IDR' }).amount.toString()).toBe('310');
    expect(creditForUnusedDays({ charged: 310, coveredFrom: at('2026-01-01T00:00:00Z'), periodEnd, at: periodEnd, currency: 'IDR' })).toEqual({ amount: D(0), unusedDays: 0, coveredDays: 31 });
    expect(creditForUnusedDays({ charged: 310, coveredFrom: at('2026-01-01T00:00:00Z'), periodEnd, at: at('2026-03-01T00:00:00Z'), currency: 'IDR' }).unusedDays).toBe(0);
  });

  it('never credits more days than were covered, nor anything for an empty span', () => {
    expect(creditForUnusedDays({ charged: 100, coveredFrom: at('2026-01-22T00:00:00Z'), periodEnd, at: at('2026-01-10T00:00:00Z'), currency: 'IDR' }))
      .toEqual({ amount: D(100), unusedDays: 10, coveredDays: 10 });
    expect(creditForUnusedDays({ charged: 100, coveredFrom: periodEnd, periodEnd, at: at('2026-01-10T00:00:00Z'), currency: 'IDR' }))
      .toEqual({ amount: D(0), unusedDays: 0, coveredDays: 0 });
    expect(creditForUnusedDays({ charged: 100, coveredFrom: at('2026-03-01T00:00:00Z'), periodEnd, at: at('2026-01-10T00:00:00Z'), currency: 'IDR' }).coveredDays).toBe(0);
  });
});

describe('prorateLines', () => {
  const full = [
    line('plan_base', 799000, { description: 'Growth (monthly)' }),
    line('per_agent', 300000, { description: 'Additional agents', quantity: 3, unitAmount: D(100000) }),
    line('addon', 150000, { description: 'WhatsApp', addonId: 'a1' }),
    line('overage', 5000),
    line('tax', 137390),
  ];

  it('charges each recurring line for the days, rounded half-up, and leaves overage and tax out', () => {
    const lines = prorateLines(full, 10, 31, 'IDR');
    expect(lines.map((l) => [l.kind, l.description, l.quantity, l.unitAmount.toString(), l.amount.toString(), l.addonId])).toEqual([
      ['plan_base', 'Growth (monthly), 10 of 31 days', 1, '257741.9355', '257742', undefined],
      ['per_agent', 'Additional agents, 10 of 31 days', 3, '32258.0645', '96774', undefined],
      ['addon', 'WhatsApp, 10 of 31 days', 1, '48387.0968', '48387', 'a1'],
    ]);
  });

  it('charges the whole period for all its days, and nothing for none', () => {
    expect(prorateLines(full, 31, 31, 'IDR').map((l) => l.amount.toString())).toEqual(['799000', '300000', '150000']);
    expect(prorateLines(full, 0, 31, 'IDR').map((l) => l.amount.toString())).toEqual(['0', '0', '0']);
  });

  it('rounds half-up per line', () => {
    expect(prorateLines([line('plan_base', 5)], 1, 2, 'IDR')[0]!.amount.toString()).toBe('3');
    expect(prorateLines([line('plan_base', 5)], 1, 2, 'USD')[0]!.amount.toString()).toBe('2.5');
  });

  it.each([[-1, 31], [32, 31], [1, 0], [1.5, 31], [1, 30.5]])('refuses %s of %s days', (days, ofDays) => {
    expect(() => prorateLines(full, days, ofDays, 'IDR')).toThrow(RangeError);
  });
});

describe('percentageDiscount', () => {
  it('takes the share rounded half-up, never above the charges', () => {
    expect(percentageDiscount(403903, 20, 'IDR').toString()).toBe('80781');
    expect(percentageDiscount(5, 50, 'IDR').toString()).toBe('3');
    expect(percentageDiscount(100, 100, 'IDR').toString()).toBe('100');
    expect(percentageDiscount(100, 150, 'IDR').toString()).toBe('100');
    expect(percentageDiscount(0, 20, 'IDR').toString()).toBe('0');
  });
});

describe('buildChangeInvoice', () => {
  const charges = [line('plan_base', 257742), line('addon', 48387)];

  it('charges, discount, credit and tax on the difference; the lines add up to the total', () => {
    const invoice = buildChangeInvoice({
      currency: 'IDR', taxRate: '0.11', charges,
      discount: { amount: 61226, description: 'Coupon WELCOME20 (20% off)' },
      credit: { amount: 80000, description: 'Unused time on Starter, 10 of 31 days' },
    });
    expect(invoice.subtotal.toString()).toBe('226129'); // 306129 − 80000
    expect(invoice.discountTotal.toString()).toBe('61226');
    expect(invoice.taxTotal.toString()).toBe('18139'); // 0.11 × 164903 = 18139.33
    expect(invoice.total.toString()).toBe('183042');
    expect(invoice.total.toString()).toBe(invoice.subtotal.minus(invoice.discountTotal).plus(invoice.taxTotal).toString());
    expect(sumAmounts(invoice.lines).toString()).toBe(invoice.total.toString());
    expect(invoice.lines.map((l) => [l.kind, l.amount.toString(), l.unitAmount.toString(), l.quantity])).toEqual([
      ['plan_base', '257742', '257742', 1],
      ['addon', '48387', '48387', 1],
      ['discount', '-61226', '-61226', 1],
      ['credit', '-80000', '-80000', 1],
      ['tax', '18139', '18139', 1],
    ]);
    expect(invoice.lines[3]!.description).toBe('Unused time on Starter, 10 of 31 days');
    expect(invoice.lines[2]!.description).toBe('Coupon WELCOME20 (20% off)');
    expect(invoice.lines[4]!.description).toBe('Tax (11%)');
    expect(invoice.taxRate.toString()).toBe('0.11');
  });

  it('rounds the tax half-up', () => {
    const invoice = buildChangeInvoice({ currency: 'IDR', taxRate: '0.1', charges: [line('plan_base', 105)], discount: null, credit: null });
    expect(invoice.taxTotal.toString()).toBe('11'); // 10.5 → 11
    expect(invoice.total.toString()).toBe('116');
  });

  it('leaves out a zero discount or credit, and the tax line at a zero rate', () => {
    const invoice = buildChangeInvoice({ currency: 'IDR', taxRate: 0, charges, discount: { amount: 0, description: 'x' }, credit: { amount: 0, description: 'y' } });
    expect(invoice.lines.map((l) => l.kind)).toEqual(['plan_base', 'addon']);
    expect(invoice.total.toString()).toBe('306129');
    expect(invoice.taxTotal.toString()).toBe('0');
  });

  it('a credit equal to the charges makes a zero invoice; a larger one is refused', () => {
    const zero = buildChangeInvoice({ currency: 'IDR', taxRate: '0.11', charges, discount: null, credit: { amount: 306129, description: 'c' } });
    expect(zero.total.toString()).toBe('0');
    expect(zero.lines.map((l) => l.kind)).toEqual(['plan_base', 'addon', 'credit', 'tax']);
    expect(() => buildChangeInvoice({ currency: 'IDR', taxRate: '0.11', charges, discount: null, credit: { amount: 306130, description: 'c' } })).toThrow(RangeError);
    expect(() => buildChangeInvoice({ currency: 'IDR', taxRate: '0.11', charges, discount: { amount: 6129, description: 'd' }, credit: { amount: 300001, description: 'c' } })).toThrow(/exceeds what is charged \(300000\)/);
  });

  it('a discount above the charges is refused', () => {
    expect(() => buildChangeInvoice({ currency: 'IDR', taxRate: 0, charges, discount: { amount: 306130, description: 'd' }, credit: null })).toThrow(/discount 306130 exceeds the charges 306129/);
    expect(buildChangeInvoice({ currency: 'IDR', taxRate: 0, charges, discount: { amount: 306129, description: 'd' }, credit: null }).total.toString()).toBe('0');
  });
});

describe('the worked example in docs/BILLING.md ("Changing a subscription")', () => {
  it('Starter → Growth on 22 January with WELCOME20: the figures on the page', async () => {
    const { readFile } = await import('node:fs/promises');
    const { computeInvoice } = await import('../invoices/compute-invoice');
    const periodStart = at('2027-01-01T00:00:00Z');
    const periodEnd = at('2027-02-01T00:00:00Z');
    const plan = (name: string, monthly: number, agents: number) => ({ name, basePriceMonthly: monthly, basePriceAnnual: monthly * 10, perAgentPrice: 49_000, overageMessagePrice: 250, limits: { max_agents: agents, max_messages_month: 10_000 } });
    const welcome = { code: 'WELCOME20', discountType: 'percentage' as const, discountValue: 20, currency: null };
    const starter = computeInvoice({ currency: 'IDR', billingCycle: 'monthly', plan: plan('Starter', 299_000, 3), agentCount: 3, messagesUsed: 0, coupon: welcome, taxRate: '0.11' });
    const charged = recurringChargedAfterDiscount(starter.lines, 'IDR');
    expect(charged.toString()).toBe('239200');

    const credit = creditForUnusedDays({ charged, coveredFrom: periodStart, periodEnd, at: at('2027-01-22T09:30:00Z'), currency: 'IDR' });
    expect(credit).toEqual({ amount: D(77_161), unusedDays: 10, coveredDays: 31 });
    const growth = computeInvoice({ currency: 'IDR', billingCycle: 'monthly', plan: plan('Growth', 799_000, 5), agentCount: 3, messagesUsed: 0, taxRate: 0 });
    const charges = prorateLines(growth.lines, 10, 31, 'IDR');
    const discount = percentageDiscount(sumAmounts(charges), 20, 'IDR');
    const invoice = buildChangeInvoice({
      currency: 'IDR', taxRate: '0.11', charges,
      discount: { amount: discount, description: 'Coupon WELCOME20 (20% off)' },
      credit: { amount: credit.amount, description: 'Unused time on Starter (monthly), 10 of 31 days' },
    });
    const figures = invoice.lines.map((l) => [l.description, l.amount.toString()]);
    expect(figures).toEqual([
      ['Growth (monthly), 10 of 31 days', '257742'],
      ['Coupon WELCOME20 (20% off)', '-51548'],
      ['Unused time on Starter (monthly), 10 of 31 days', '-77161'],
      ['Tax (11%)', '14194'],
    ]);
    expect([invoice.subtotal, invoice.discountTotal, invoice.taxTotal, invoice.total].map(String)).toEqual(['180581', '51548', '14194', '143227']);

    // The page shows the same figures (in Indonesian notation).
    const page = await readFile(new URL('../../../docs/BILLING.md', import.meta.url), 'utf8');
    const section = page.slice(page.indexOf('### Worked example (Starter → Growth'));
    const idr = (value: string) => Number(value.replace('-', '')).toLocaleString('de-DE');
    for (const [description, amount] of figures) expect(section).toMatch(new RegExp(`\\| ${description!.replace(/[()]/g, '\\$&')} \\|[^\\n]*\\| ${amount!.startsWith('-') ? '−' : ''}${idr(amount!)} \\|`));
    expect(section).toContain('**143.227**');
    expect(section).toContain('Subtotal (charges less the credit) 180.581 − discount 51.548 + tax 14.194 = 143.227.');
  });
});

describe('proration guards and line identity', () => {
  it('refuses a span of no days (0 of 0) by message: a change inside an empty period is not prorated', () => {
    expect(() => prorateLines([line('plan_base', 100)], 0, 0, 'IDR')).toThrow('cannot prorate 0 of 0 days');
    expect(() => prorateLines([line('plan_base', 100)], 1.5, 31, 'IDR')).toThrow('cannot prorate 1.5 of 31 days');
  });

  it('a prorated line points back at its add-on only when it is one (no addonId key otherwise)', () => {
    const [base, addon] = prorateLines([line('plan_base', 100), line('addon', 50, { addonId: 'a1' })], 1, 2, 'IDR');
    expect(Object.keys(base!)).not.toContain('addonId');
    expect(addon!.addonId).toBe('a1');
  });

  it('a discount on an invoice that charged nothing leaves nothing to credit (no division by zero)', () => {
    expect(recurringChargedAfterDiscount([line('plan_base', 0), line('discount', -10)], 'IDR').toString()).toBe('0');
  });
});
