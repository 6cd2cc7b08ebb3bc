import { requestJson } from '@/components/ui/request-json';
import type { TAuditPage } from '@/lib/audit/schemas';
import { auditFiltersSearch, type TAuditFilters } from './audit-filters';

const BASE = '/api/v1/admin/billing/audit-log';
export const AUDIT_PAGE_SIZE = 25;

/** One page of GET /audit-log with the session cookie (components/ui/request-json.ts). */
export function fetchAuditPage(filters: TAuditFilters, startingAfter: string | null): Promise<TAuditPage> {
  const params = new URLSearchParams(auditFiltersSearch(filters));
  params.set('limit', String(AUDIT_PAGE_SIZE));
  if (startingAfter) params.set('starting_after', startingAfter);
  return requestJson(`${BASE}?${params}`).then((body) => body as TAuditPage);
}
