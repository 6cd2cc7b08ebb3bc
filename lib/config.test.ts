import { describe, expect, it } from 'vitest';
import { ZBillingRunInterval } from './config';

describe('BILLING_RUN_INTERVAL', () => {
  it('is off by default and when off, empty or 0', () => {
    for (const value of [undefined, 'off', 'OFF', '', '0']) expect(ZBillingRunInterval.parse(value)).toBeNull();
  });

  it('takes a duration in s, m, h or d', () => {
    expect(ZBillingRunInterval.parse('15m')).toBe(900_000);
    expect(ZBillingRunInterval.parse(' 1h ')).toBe(3_600_000);
    expect(ZBillingRunInterval.parse('1d')).toBe(86_400_000);
    expect(ZBillingRunInterval.parse('10s')).toBe(10_000);
  });

  it('refuses anything else, and intervals under 10 seconds or over 30 days', () => {
    for (const value of ['5s', '9999ms', '31d', 'hourly', '1.5h', '-1h', '60']) expect(ZBillingRunInterval.safeParse(value).success, value).toBe(false);
  });
});
