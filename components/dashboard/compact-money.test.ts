import { describe, expect, it } from 'vitest';
import { compactMoneyFormatter } from './compact-money';

describe('compact axis amounts', () => {
  it('writes rupiah the Indonesian way', () => {
    const idr = compactMoneyFormatter('id-ID', 'IDR');
    expect(idr(12_500_000)).toBe('Rp 12,5 jt');
    expect(idr(950)).toBe('Rp 950');
    expect(idr(0)).toBe('Rp 0');
    expect(idr(-1_250_000)).toBe('-Rp 1,3 jt');
  });

  it('drops the cents a compact label has no room for', () => {
    const usd = compactMoneyFormatter('en-US', 'USD');
    expect(usd(950)).toBe('$950');
    expect(usd(12_500_000)).toBe('$12.5M');
  });
});
