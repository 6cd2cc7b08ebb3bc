import type { TPlan } from '@/lib/billing/plans/schemas';

export type TPlanStatusFilter = 'all' | 'active' | 'inactive';
export type TPlanSortKey = 'name' | 'base_price_monthly' | 'base_price_annual' | 'per_agent_price' | 'is_active' | 'sort_order';
export type TPlanSort = { key: TPlanSortKey; direction: 'asc' | 'desc' };

export interface TPlanListView {
  status: TPlanStatusFilter;
  query: string;
  sort: TPlanSort;
}

/** The catalog's own order (SPEC §3: sort_order, then created_at), which the API already returns. */
export const DEFAULT_PLAN_SORT: TPlanSort = { key: 'sort_order', direction: 'asc' };

/** The plans the table shows: filtered by status, searched by name or slug, sorted stably. */
export function visiblePlans(plans: readonly TPlan[], view: TPlanListView): TPlan[] {
  const query = view.query.trim().toLowerCase();
  const matches = plans.filter(
    (plan) =>
      (view.status === 'all' || plan.is_active === (view.status === 'active')) &&
      (!query || plan.name.toLowerCase().includes(query) || plan.slug.includes(query)),
  );
  const sign = view.sort.direction === 'asc' ? 1 : -1;
  // Array.prototype.sort is stable, so equal keys keep the catalog order.
  return matches.sort((a, b) => sign * compare(a, b, view.sort.key));
}

function compare(a: TPlan, b: TPlan, key: TPlanSortKey): number {
  switch (key) {
    case 'name':
      return a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true });
    case 'is_active':
      // Ascending puts active plans first.
      return Number(b.is_active) - Number(a.is_active);
    default:
      return a[key] - b[key];
  }
}
