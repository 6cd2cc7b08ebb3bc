import { ApiProblemError } from '@/components/invoices/invoice-requests';
import type { TAuditPage } from '@/lib/audit/schemas';
import type { TProblem } from '@/lib/http/problem';
import { auditFiltersSearch, type TAuditFilters } from './audit-filters';

// The browser reads the public REST endpoint (STYLE rule 7) with the session cookie: one API, one set of rules.
// The body is typed, not parsed: the API built it from ZAuditPage, and its contract tests hold it to
// that; parsing it again would put zod in the page's first load.

const BASE = '/api/v1/admin/billing/audit-log';
export const AUDIT_PAGE_SIZE = 25;

export async function fetchAuditPage(filters: TAuditFilters, startingAfter: string | null): Promise<TAuditPage> {
  const params = new URLSearchParams(auditFiltersSearch(filters));
  params.set('limit', String(AUDIT_PAGE_SIZE));
  if (startingAfter) params.set('starting_after', startingAfter);
  let response: Response;
  try {
    response = await fetch(`${BASE}?${params}`, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiProblemError(problem(0, 'network_error', 'The server could not be reached. Check your connection and try again.'));
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as TAuditPage;
  throw new ApiProblemError(isProblem(body) ? body : problem(response.status, 'http_error', `The request failed (HTTP ${response.status}).`));
}

function isProblem(body: unknown): body is TProblem {
  return typeof body === 'object' && body !== null && typeof (body as TProblem).code === 'string' && typeof (body as TProblem).detail === 'string';
}

function problem(status: number, code: string, detail: string): TProblem {
  return { type: 'about:blank', title: 'Error', status, code, detail };
}
