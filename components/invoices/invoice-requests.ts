import type { TInvoiceDetail, TInvoicePage } from '@/lib/billing/invoices/schemas';
import type { TRefundInput, TRefundResult } from '@/lib/billing/refunds/schemas';
import type { TProblem } from '@/lib/http/problem';
import { invoiceFiltersSearch, type TInvoiceFilters } from './invoice-filters';

// The browser reads and refunds through the public REST endpoints (STYLE rule 7), authenticated by
// the session cookie: one API, one set of rules, and the refund gets adminRoute's Idempotency-Key.
// Bodies are typed, not parsed: the API built them from the Z… schemas named in each type, and its
// contract tests hold it to them; parsing them again would put zod in the pages' first load.

const BASE = '/api/v1/admin/billing/invoices';
export const INVOICE_PAGE_SIZE = 25;

/** The API's problem+json, thrown so react-query and the dialog can show `detail` and act on `code`. */
export class ApiProblemError extends Error {
  constructor(readonly problem: TProblem) {
    super(problem.detail);
    this.name = 'ApiProblemError';
  }
}

export function fetchInvoicePage(filters: TInvoiceFilters, startingAfter: string | null): Promise<TInvoicePage> {
  const params = new URLSearchParams(invoiceFiltersSearch(filters));
  params.set('limit', String(INVOICE_PAGE_SIZE));
  if (startingAfter) params.set('starting_after', startingAfter);
  return requestJson(`${BASE}?${params}`).then((body) => body as TInvoicePage);
}

export function fetchInvoice(id: string): Promise<TInvoiceDetail> {
  return requestJson(`${BASE}/${encodeURIComponent(id)}`).then((body) => body as TInvoiceDetail);
}

/** One refund attempt; the same key with the same body is replayed by the API, never executed twice. */
export function postRefund(id: string, body: TRefundInput, idempotencyKey: string): Promise<TRefundResult> {
  return requestJson(`${BASE}/${encodeURIComponent(id)}/refund`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  }).then((result) => result as TRefundResult);
}

async function requestJson(url: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiProblemError(problem(0, 'network_error', 'The server could not be reached. Check your connection and try again.'));
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body;
  throw new ApiProblemError(isProblem(body) ? body : problem(response.status, 'http_error', `The request failed (HTTP ${response.status}).`));
}

function isProblem(body: unknown): body is TProblem {
  return typeof body === 'object' && body !== null && typeof (body as TProblem).code === 'string' && typeof (body as TProblem).detail === 'string';
}

function problem(status: number, code: string, detail: string): TProblem {
  return { type: 'about:blank', title: 'Error', status, code, detail };
}
