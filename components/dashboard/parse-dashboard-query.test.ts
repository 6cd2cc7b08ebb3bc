import { describe, expect, it } from 'vitest';
import { parseDashboardQuery } from './parse-dashboard-query';

describe('dashboard query', () => {
  it('defaults the interval to the range length when the URL names none', () => {
    const result = parseDashboardQuery({ from: '2025-12-01', to: '2026-11-24' });
    expect(result).toEqual({ ok: true, query: { from: '2025-12-01', to: '2026-11-24', currency: 'IDR', interval: 'month' } });
  });

  it('keeps an interval the URL names', () => {
    const result = parseDashboardQuery({ from: '2025-12-01', to: '2026-11-24', interval: 'day', currency: 'USD' });
    expect(result).toMatchObject({ ok: true, query: { interval: 'day', currency: 'USD' } });
  });

  it('refuses what the API refuses, with its messages', () => {
    expect(parseDashboardQuery({ from: '2026-12-01', to: '2026-11-01' })).toEqual({
      ok: false,
      message: 'to: `to` must be after `from` (the range is [from, to)).',
      errors: [{ path: 'to', message: '`to` must be after `from` (the range is [from, to)).' }],
    });
    const bad = parseDashboardQuery({ from: '2026-02-30', currency: 'XXX', interval: 'hour' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((error) => error.path).sort()).toEqual(['currency', 'from', 'interval']);
  });

  it('refuses text PostgreSQL could not store, as the API does, instead of crashing', () => {
    expect(parseDashboardQuery({ currency: 'ID\u0000R' })).toMatchObject({ ok: false, errors: [{ path: 'currency' }] });
  });
});
