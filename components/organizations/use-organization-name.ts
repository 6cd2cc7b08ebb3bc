'use client';

import { useQuery } from '@tanstack/react-query';
import type { TOrganizationSummary } from '@/lib/billing/organizations/schemas';
import { fetchOrganizations } from './fetch-organizations';

export type TOrganizationChoice = Pick<TOrganizationSummary, 'id' | 'name'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The name to show for the organization id in the URL. Usually known already: the server named
 * the one it rendered with, the picker remembers the one chosen. Otherwise (a client-side
 * navigation to another id) GET /organizations finds it by id. Null while nothing is selected.
 */
export function useOrganizationName(id: string | undefined, known: (TOrganizationChoice | null)[]): string | null {
  const wanted = id?.toLowerCase();
  const name = known.find((choice) => choice && choice.id.toLowerCase() === wanted)?.name;
  const lookup = useQuery({
    queryKey: ['organizations', 'id', wanted],
    queryFn: ({ signal }) => fetchOrganizations(wanted!, 1, signal),
    enabled: Boolean(wanted && !name && UUID.test(wanted)),
  });
  if (!wanted) return null;
  if (name !== undefined) return name;
  if (!UUID.test(wanted)) return 'Unknown organization';
  if (lookup.isPending && lookup.fetchStatus !== 'idle') return 'Loading…';
  return lookup.data?.data[0]?.name ?? 'Unknown organization';
}
