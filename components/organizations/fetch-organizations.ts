import type { TOrganizationPage } from '@/lib/billing/organizations/schemas';

const ENDPOINT = '/api/v1/admin/billing/organizations';

/**
 * One page of GET /organizations with the console's session cookie (STYLE rule 7: the public REST
 * endpoint, no private read API). The response is trusted as typed, not parsed: the same server
 * answers it, its tests parse it with ZOrganizationPage, and zod stays out of the browser bundle.
 */
export async function fetchOrganizations(search: string, limit: number, signal?: AbortSignal): Promise<TOrganizationPage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (search) params.set('search', search);
  const response = await fetch(`${ENDPOINT}?${params}`, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' }, signal });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = (body as { detail?: unknown } | null)?.detail;
    throw new Error(typeof detail === 'string' ? detail : `The request failed (HTTP ${response.status}).`);
  }
  return body as TOrganizationPage;
}
