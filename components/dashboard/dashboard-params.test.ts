import { describe, expect, it } from 'vitest';
import { dashboardHref, readDashboardParams } from './dashboard-params';

describe('dashboard URL state', () => {
  it('reads only the analytics parameters, without empty ones', () => {
    const params = new URLSearchParams('to=2026-12-01&utm_source=mail&from=&currency=USD');
    expect(readDashboardParams(params)).toEqual({ to: '2026-12-01', currency: 'USD' });
  });

  it('writes them in a fixed order, and / for none', () => {
    expect(dashboardHref({ interval: 'week', currency: 'IDR', to: '2026-12-01', from: '2026-11-01' })).toBe(
      '/?from=2026-11-01&to=2026-12-01&currency=IDR&interval=week',
    );
    expect(dashboardHref({ currency: undefined })).toBe('/');
  });
});
