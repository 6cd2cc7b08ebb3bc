import { requestJson } from '@/components/ui/request-json';
import type { TInvoiceDetail, TVoidInvoiceInput } from '@/lib/billing/invoices/schemas';
import type { TRecordPaymentInput, TRecordPaymentResult } from '@/lib/billing/payments/schemas';
import type { TRefundInput, TRefundResult } from '@/lib/billing/refunds/schemas';

// Through the public REST endpoints with the session cookie (components/ui/request-json.ts): the
// refund gets adminRoute's Idempotency-Key like any API client's.

const BASE = '/api/v1/admin/billing/invoices';
export const INVOICE_PAGE_SIZE = 25;

export function fetchInvoice(id: string): Promise<TInvoiceDetail> {
  return requestJson(`${BASE}/${encodeURIComponent(id)}`).then((body) => body as TInvoiceDetail);
}

/** One refund attempt; the same key with the same body is replayed by the API, never executed twice. */
export function postRefund(id: string, body: TRefundInput, idempotencyKey: string): Promise<TRefundResult> {
  return postInvoiceAction(id, 'refund', body, idempotencyKey).then((result) => result as TRefundResult);
}

/** Voids an open invoice; the key makes a retry after a lost response replay the first answer. */
export function postVoid(id: string, body: TVoidInvoiceInput, idempotencyKey: string): Promise<TInvoiceDetail> {
  return postInvoiceAction(id, 'void', body, idempotencyKey).then((result) => result as TInvoiceDetail);
}

function postInvoiceAction(id: string, action: 'refund' | 'void', body: unknown, idempotencyKey: string): Promise<unknown> {
  return requestJson(`${BASE}/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  });
}

/** The invoice's PDF (GET /invoices/{id}/pdf): a plain link, the browser downloads the attachment with the session cookie. */
export function invoicePdfUrl(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}/pdf`;
}

export function creditNotePdfUrl(invoiceId: string, creditNoteId: string): string {
  return `${BASE}/${encodeURIComponent(invoiceId)}/credit-notes/${encodeURIComponent(creditNoteId)}/pdf`;
}

/** One payment; the same key with the same body is replayed by the API, never recorded twice. */
export function postPayment(id: string, body: TRecordPaymentInput, idempotencyKey: string): Promise<TRecordPaymentResult> {
  return requestJson(`${BASE}/${encodeURIComponent(id)}/payments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  }).then((result) => result as TRecordPaymentResult);
}
