import { describe, expect, it } from 'vitest';
import { computeUsageInvoice } from './compute-usage-invoice';

const plan = { overageMessagePrice: '150.5', limits: { max_agents: 2, max_messages_month: 10_000 } };

describe('computeUsageInvoice', () => {
  it('bills the messages beyond the monthly allowance at the overage price, plus tax, rounded half-up', () => {
    const invoice = computeUsageInvoice({ currency: 'IDR', plan, messagesUsed: 10_777, taxRate: '0.11', periodLabel: 'Feb 2026' })!;
    // 777 × 150.5 = 116,938.5 → 116,939; 11% = 12,863.29 → 12,863.
    expect(invoice.lines.map((line) => [line.kind, line.quantity, line.amount.toString()])).toEqual([['overage', 777, '116939'], ['tax', 1, '12863']]);
    expect(invoice.subtotal.toString()).toBe('116939');
    expect(invoice.total.toString()).toBe('129802');
    expect(invoice.discountTotal.toString()).toBe('0');
  });

  it('no overage (within the allowance, or an unlimited plan) is no invoice', () => {
    expect(computeUsageInvoice({ currency: 'IDR', plan, messagesUsed: 10_000, taxRate: '0.11', periodLabel: 'x' })).toBeNull();
    expect(computeUsageInvoice({ currency: 'IDR', plan: { ...plan, limits: { max_agents: null, max_messages_month: null } }, messagesUsed: 10 ** 9, taxRate: '0.11', periodLabel: 'x' })).toBeNull();
  });

  it('without tax there is no tax line, and bad inputs throw', () => {
    expect(computeUsageInvoice({ currency: 'USD', plan: { ...plan, overageMessagePrice: '0.015' }, messagesUsed: 10_001, taxRate: '0', periodLabel: 'x' })!.lines.map((line) => line.amount.toString())).toEqual(['0.02']);
    expect(() => computeUsageInvoice({ currency: 'IDR', plan, messagesUsed: -1, taxRate: '0.11', periodLabel: 'x' })).toThrow(RangeError);
    expect(() => computeUsageInvoice({ currency: 'XXX', plan, messagesUsed: 1, taxRate: '0.11', periodLabel: 'x' })).toThrow();
  });
});
