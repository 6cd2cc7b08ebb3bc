'use client';

import { useQuery } from '@tanstack/react-query';
import type { TPlan } from '@/lib/billing/plans/schemas';

/** Everything plan-shaped in the cache lives under this key, so one invalidation refreshes it all. */
export const PLANS_QUERY_KEY = ['plans'] as const;

/** The public REST list (STYLE rule 7: no private read API); the session cookie authenticates it. */
async function fetchPlans(): Promise<TPlan[]> {
  const response = await fetch('/api/v1/admin/billing/plans', { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = (body as { detail?: string } | null)?.detail;
    throw new Error(detail ?? `The plans could not be loaded (HTTP ${response.status}).`);
  }
  // Typed, not parsed: the API built this body from ZPlan, and its contract tests hold it to that;
  // parsing it again here would put zod in the page's first load for no new check.
  return body as TPlan[];
}

/** The plans, first painted from what the server component loaded, then kept fresh by react-query. */
export function usePlans(initialPlans: TPlan[]) {
  return useQuery({ queryKey: [...PLANS_QUERY_KEY, 'list'], queryFn: fetchPlans, initialData: initialPlans });
}
