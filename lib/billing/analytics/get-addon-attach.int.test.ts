import { beforeAll, describe, expect, it } from 'vitest';
import { GET as addonsRoute } from '@/app/api/v1/admin/billing/analytics/addons/route';
import { credentialsFor } from '@/tests/integration/actors';
import { seedAnalyticsDataset } from '@/tests/integration/analytics-dataset';
import { apiAs } from '@/tests/integration/api-client';
import { ZAddonAttach, type TAddonAttach } from './schemas';

// The dataset: tests/integration/analytics-dataset.ts (wa on s1; ai on s4 and s7).
let api: ReturnType<typeof apiAs>;
let world: Awaited<ReturnType<typeof seedAnalyticsDataset>>;
const attach = async (query: Record<string, string>): Promise<TAddonAttach> => {
  const result = await api(addonsRoute, { query });
  expect(result.status).toBe(200);
  return ZAddonAttach.parse(result.body);
};

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  world = await seedAnalyticsDataset();
});

describe('GET /analytics/addons', () => {
  it('IDR at 1 April: attached active subscriptions ÷ active subscriptions, per add-on in sort order', async () => {
    const result = await attach({ from: '2026-03-01', to: '2026-04-01', currency: 'IDR' });
    expect(result).toEqual({
      currency: 'IDR',
      from: '2026-03-01',
      to: '2026-04-01',
      active_subscriptions: 6, // s1, s2, s3, s4, s6, s7
      addons: [
        { addon_id: world.addon.wa.id, name: 'WhatsApp channel', slug: 'wa', unit: 'flat', is_active: true, attached_subscriptions: 1, attach_rate: 0.1667 }, // 1 / 6
        { addon_id: world.addon.ai.id, name: 'AI assist', slug: 'ai', unit: 'per_agent', is_active: true, attached_subscriptions: 2, attach_rate: 0.3333 }, // 2 / 6
      ],
    });
  });

  it('USD: no add-on attached, rate 0 of 2 active', async () => {
    const result = await attach({ from: '2026-03-01', to: '2026-04-01', currency: 'USD' });
    expect(result.active_subscriptions).toBe(2);
    expect(result.addons.map((addon) => [addon.slug, addon.attached_subscriptions, addon.attach_rate])).toEqual([['wa', 0, 0], ['ai', 0, 0]]);
  });

  it('no active subscription: the rate is null, not 0', async () => {
    const result = await attach({ from: '2026-03-01', to: '2026-04-01', currency: 'EUR' });
    expect(result.active_subscriptions).toBe(0);
    expect(result.addons.map((addon) => addon.attach_rate)).toEqual([null, null]);
  });

  it('a subscription cancelled since still counts at an earlier snapshot', async () => {
    // At 1 March: s1, s2, s4, s5, s6, s7 (s3 not started); ai on s4 and s7.
    const result = await attach({ from: '2026-02-01', to: '2026-03-01', currency: 'IDR' });
    expect(result.active_subscriptions).toBe(6);
    expect(result.addons.find((addon) => addon.slug === 'ai')).toMatchObject({ attached_subscriptions: 2, attach_rate: 0.3333 });
  });
});
