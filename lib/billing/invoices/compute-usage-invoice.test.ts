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

describe('computeUsageInvoice: what the customer reads, and the guards', () => {
  const input = { currency: 'IDR', plan, messagesUsed: 10_777, taxRate: '0.11', periodLabel: '1 Feb – 1 Mar 2026' };

  it('the overage line says how many messages were included and which month; the tax line its rate', () => {
    const invoice = computeUsageInvoice(input)!;
    expect(invoice.lines.map((line) => line.description)).toEqual(['Messages beyond 10000 included (1 Feb – 1 Mar 2026)', 'Tax (11%)']);
    expect(invoice.lines[0]!.unitAmount.toString()).toBe('150.5');
    expect(invoice.lines[1]!.unitAmount.toString()).toBe('12863');
    expect(invoice.taxRate.toString()).toBe('0.11');
    expect(invoice.taxTotal.toString()).toBe('12863');
    expect(invoice.currency).toBe('IDR');
  });

  it('one message over the allowance is billed; exactly the allowance is not', () => {
    expect(computeUsageInvoice({ ...input, messagesUsed: 10_001 })!.lines[0]!.quantity).toBe(1);
    expect(computeUsageInvoice({ ...input, messagesUsed: 9_999 })).toBeNull();
  });

  it('tax rates 0 and 1 (100%) are allowed; below 0, above 1 and NaN are refused by message', () => {
    expect(computeUsageInvoice({ ...input, taxRate: '1' })!.taxTotal.toString()).toBe('116939');
    expect(computeUsageInvoice({ ...input, taxRate: 0 })!.lines).toHaveLength(1);
    for (const taxRate of ['-0.01', '1.01', 'NaN']) {
      expect(() => computeUsageInvoice({ ...input, taxRate })).toThrow(`taxRate must be between 0 and 1, got ${taxRate}`);
    }
  });

  it('a negative or NaN overage price is refused by message; a free overage (price 0) bills a zero line', () => {
    for (const price of ['-1', 'NaN']) {
      expect(() => computeUsageInvoice({ ...input, plan: { ...plan, overageMessagePrice: price } })).toThrow(`overage price must be ≥ 0, got ${price}`);
    }
    expect(computeUsageInvoice({ ...input, plan: { ...plan, overageMessagePrice: '0' } })!.total.toString()).toBe('0');
  });

  it('a message count that is negative, fractional or beyond safe integers is refused by message; 0 is no invoice', () => {
    for (const messagesUsed of [-1, 10_000.5, 2 ** 53]) {
      expect(() => computeUsageInvoice({ ...input, messagesUsed })).toThrow(`messagesUsed must be a non-negative integer, got ${messagesUsed}`);
    }
    expect(computeUsageInvoice({ ...input, messagesUsed: 0 })).toBeNull();
  });
});
