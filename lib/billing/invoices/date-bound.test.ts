import { describe, expect, it } from 'vitest';
import { ZTimestamp } from '@/lib/billing/shared/schemas';
import { ZUsageEvent } from '@/lib/billing/usage/schemas';
import { ZDateBound, dateBoundEnd, dateBoundStart } from './schemas';

describe('list date bounds (from/to)', () => {
  it('accepts a date or a timestamp with an offset', () => {
    expect(ZDateBound.safeParse('2026-01-31').success).toBe(true);
    expect(ZDateBound.safeParse('2026-01-31T10:00:00+07:00').success).toBe(true);
    expect(ZDateBound.safeParse('0001-01-01').success).toBe(true);
  });

  it('refuses an instant before 0001-01-01 UTC, which PostgreSQL cannot store, with a message naming the bound', () => {
    for (const value of ['0000-01-01', '0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00']) {
      const result = ZDateBound.safeParse(value);
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Use a date on or after 0001-01-01 (UTC).');
    }
  });

  it('a date bound starts at 00:00 UTC and a `to` date includes that whole day; a timestamp is exact', () => {
    expect(dateBoundStart('2026-01-31').toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(dateBoundEnd('2026-01-31').toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(dateBoundEnd('2026-01-31T10:00:00+07:00').toISOString()).toBe('2026-01-31T03:00:00.000Z');
  });

  it('body timestamps (coupon windows, paid_at, usage occurred_at) refuse year 0 too', () => {
    expect(ZTimestamp.safeParse('0001-01-01T00:00:00Z').success).toBe(true);
    expect(ZTimestamp.safeParse('0000-12-31T23:59:59Z').error?.issues[0]?.message).toBe('Use an instant on or after 0001-01-01T00:00:00Z.');
    const event = { organization_id: '6f1c2a8e-4b7d-4c3e-9a1f-2d3e4f5a6b7c', messages: 1, event_id: 'e1' };
    expect(ZUsageEvent.safeParse({ ...event, occurred_at: '2026-12-03T10:00:00Z' }).success).toBe(true);
    expect(ZUsageEvent.safeParse({ ...event, occurred_at: '0000-06-01T00:00:00Z' }).success).toBe(false);
  });
});
