import { describe, expect, it } from 'vitest';
import { refundFormSchema } from './refund-form-schema';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

describe('refundFormSchema', () => {
  const idr = refundFormSchema('IDR', 50_000);

  it('accepts an amount up to the refundable remainder, with a reason', () => {
    expect(idr.safeParse({ reason: 'Goodwill', amount: 50_000, expected_amount_refunded: 0 }).success).toBe(true);
    expect(idr.safeParse({ reason: 'Goodwill', amount: 1 }).success).toBe(true);
  });

  it('refund above refundable is refused before the API is asked', () => {
    expect(issues(idr.safeParse({ reason: 'Goodwill', amount: 50_001 }))).toEqual([['amount', 'At most Rp 50.000 can be refunded.']]);
  });

  it('rupiah amounts are whole numbers; dollar amounts have at most 2 decimals', () => {
    expect(issues(idr.safeParse({ reason: 'x', amount: 10.5 }))).toEqual([['amount', 'IDR amounts are whole numbers.']]);
    const usd = refundFormSchema('USD', 100);
    expect(usd.safeParse({ reason: 'x', amount: 99.99 }).success).toBe(true);
    expect(issues(usd.safeParse({ reason: 'x', amount: 0.005 }))).toEqual([['amount', 'USD amounts have at most 2 decimals.']]);
  });

  it('keeps the API rules: reason required and at most 500 characters, amount above 0', () => {
    expect(issues(idr.safeParse({ reason: '   ', amount: 100 }))).toEqual([['reason', 'A reason is required.']]);
    expect(issues(idr.safeParse({ reason: 'r'.repeat(501), amount: 100 }))).toEqual([['reason', 'At most 500 characters.']]);
    expect(issues(idr.safeParse({ reason: 'x', amount: 0 }))).toEqual([['amount', 'Must be greater than 0.']]);
    expect(issues(idr.safeParse({ reason: 'x', amount: Number.NaN }))).toEqual([['amount', 'Must be a number.']]);
  });
});
