import { describe, expect, it } from 'vitest';
import type { TPlan } from '@/lib/billing/plans/schemas';
import { DEFAULT_PLAN_SORT, visiblePlans } from './plan-list-view';

const plan = (slug: string, overrides: Partial<TPlan> = {}): TPlan => ({
  id: crypto.randomUUID(),
  name: slug[0]!.toUpperCase() + slug.slice(1),
  slug,
  currency: 'IDR',
  base_price_monthly: 100,
  base_price_annual: 1000,
  per_agent_price: 10,
  overage_message_price: 1,
  limits: { max_agents: 1, max_contacts: null, max_messages_month: null, max_channels: null, max_ai_agents: null },
  features: { ai_agent: false, api_access: false, dedicated_support: false },
  is_active: true,
  sort_order: 0,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const catalog = [
  plan('starter', { base_price_monthly: 299000, sort_order: 10 }),
  plan('growth', { base_price_monthly: 799000, sort_order: 20, is_active: false }),
  plan('pro', { base_price_monthly: 1999000, sort_order: 30 }),
  plan('pro-annual', { name: 'Pro yearly', base_price_monthly: 1999000, sort_order: 40 }),
];
const slugs = (plans: TPlan[]) => plans.map((p) => p.slug);
const view = { status: 'all' as const, query: '', sort: DEFAULT_PLAN_SORT };

describe('visiblePlans', () => {
  it('keeps the catalog order by default and filters by status', () => {
    expect(slugs(visiblePlans(catalog, view))).toEqual(['starter', 'growth', 'pro', 'pro-annual']);
    expect(slugs(visiblePlans(catalog, { ...view, status: 'active' }))).toEqual(['starter', 'pro', 'pro-annual']);
    expect(slugs(visiblePlans(catalog, { ...view, status: 'inactive' }))).toEqual(['growth']);
  });

  it('searches name and slug, ignoring case and surrounding spaces', () => {
    expect(slugs(visiblePlans(catalog, { ...view, query: '  PRO ' }))).toEqual(['pro', 'pro-annual']);
    expect(slugs(visiblePlans(catalog, { ...view, query: 'yearly' }))).toEqual(['pro-annual']);
    expect(visiblePlans(catalog, { ...view, query: 'nothing' })).toEqual([]);
  });

  it('sorts by price both ways, ties keeping the catalog order', () => {
    const desc = visiblePlans(catalog, { ...view, sort: { key: 'base_price_monthly', direction: 'desc' } });
    expect(slugs(desc)).toEqual(['pro', 'pro-annual', 'growth', 'starter']);
    expect(slugs(visiblePlans(catalog, { ...view, sort: { key: 'name', direction: 'asc' } }))).toEqual(['growth', 'pro', 'pro-annual', 'starter']);
  });

  it('sorting by status puts active plans first when ascending', () => {
    expect(slugs(visiblePlans(catalog, { ...view, sort: { key: 'is_active', direction: 'asc' } }))).toEqual(['starter', 'pro', 'pro-annual', 'growth']);
  });

  it('does not reorder the array it is given', () => {
    const input = [...catalog];
    visiblePlans(input, { ...view, sort: { key: 'name', direction: 'desc' } });
    expect(input).toEqual(catalog);
  });
});
