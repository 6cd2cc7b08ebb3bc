'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAddon } from '@/lib/billing/addons/schemas';

export const ADDONS_QUERY_KEY = ['addons'] as const;

/** The public REST list, read with the session cookie (STYLE rule 7: no second, private read API). */
async function fetchAddons(): Promise<TAddon[]> {
  const response = await fetch('/api/v1/admin/billing/addons', { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(problem?.detail ?? `Loading add-ons failed (HTTP ${response.status}).`);
  }
  // Typed, not parsed: the API built this body from ZAddon, and its contract tests hold it to that;
  // parsing it again here would put zod in the page's first load for no new check.
  return (await response.json()) as TAddon[];
}

/** The add-on list, starting from what the server component loaded. */
export function useAddons(initialData: TAddon[]) {
  return useQuery({ queryKey: ADDONS_QUERY_KEY, queryFn: fetchAddons, initialData });
}

/** Call after a mutation so every view of the list refetches. */
export function useRefreshAddons() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ADDONS_QUERY_KEY });
}
