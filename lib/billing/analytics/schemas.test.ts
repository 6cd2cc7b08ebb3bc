import { describe, expect, it } from 'vitest';
import { zodIssuesToFieldErrors } from '@/lib/http/parse';
import { ZAnalyticsQuery } from './schemas';

const errorsFor = (input: Record<string, string>) => {
  const result = ZAnalyticsQuery.safeParse(input);
  expect(result.success).toBe(false);
  return result.error ? zodIssuesToFieldErrors(result.error).map((error) => error.path) : [];
};

describe('ZAnalyticsQuery', () => {
  it('fills the defaults: the last 30 days including today, IDR, by day', () => {
    const query = ZAnalyticsQuery.parse({});
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(query).toMatchObject({ to: tomorrow, currency: 'IDR', interval: 'day' });
    expect((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000).toBe(30);
  });

  it('keeps what was sent', () => {
    expect(ZAnalyticsQuery.parse({ from: '2026-03-01', to: '2026-04-01', currency: 'USD', interval: 'week' }))
      .toEqual({ from: '2026-03-01', to: '2026-04-01', currency: 'USD', interval: 'week' });
  });

  it.each(['2026-02-30', '2026-13-01', '2026-3-1', '01/03/2026', '2026-03-01T00:00:00Z', '1969-12-31', ''])('rejects the date %j', (date) => {
    expect(errorsFor({ from: date, to: '2026-04-01' })).toEqual(['from']);
    expect(errorsFor({ from: '1970-01-01', to: date })).toEqual(['to']);
  });

  it('the range must not be empty or reversed: the error is on `to`', () => {
    expect(errorsFor({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['to']);
    expect(errorsFor({ from: '2026-03-02', to: '2026-03-01' })).toEqual(['to']);
  });

  it('a `from` after the default `to` (tomorrow) is an error on `from`', () => {
    expect(errorsFor({ from: '2999-01-01' })).toEqual(['from']);
  });

  it('covers at most 5 years', () => {
    expect(ZAnalyticsQuery.safeParse({ from: '2021-03-01', to: '2026-03-01' }).success).toBe(true);
    expect(errorsFor({ from: '2021-03-01', to: '2026-03-02' })).toEqual(['to']);
    expect(errorsFor({ from: '2000-01-01' })).toEqual(['from']);
  });

  it('rejects unknown parameters, currencies and intervals by name', () => {
    expect(errorsFor({ from: '2026-03-01', foo: 'bar' })).toEqual(['foo']);
    expect(errorsFor({ currency: 'XXX' })).toEqual(['currency']);
    expect(errorsFor({ currency: 'idr' })).toEqual(['currency']);
    expect(errorsFor({ interval: 'year' })).toEqual(['interval']);
  });
});
