import { isUuid } from '@/lib/http/parse';
import type { TOrganizationSummary } from './schemas';
import { searchOrganizations } from './search-organizations';

/**
 * One organization as GET /organizations lists it, or null: what the invoices page needs to name
 * the organization in its URL without loading any other (a stale or hand-typed id is no error there).
 */
export async function findOrganizationSummary(id: string): Promise<TOrganizationSummary | null> {
  if (!isUuid(id)) return null;
  return (await searchOrganizations({ search: id, limit: 1 })).data[0] ?? null;
}
