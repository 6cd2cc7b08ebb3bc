import { getCreditNoteDocument } from '@/lib/billing/documents/get-invoice-document';
import { renderDocumentPdf } from '@/lib/billing/documents/render-document-pdf';
import { adminRoute } from '@/lib/http/admin-route';
import { pdfResponse } from '@/lib/http/pdf-response';

// react-pdf and pdfkit read files and use Node buffers: the Node.js runtime, never the edge.
export const runtime = 'nodejs';

export const GET = adminRoute<{ id: string; creditNoteId: string }>(async ({ params }) => {
  const document = await getCreditNoteDocument(params.id, params.creditNoteId);
  return pdfResponse(await renderDocumentPdf(document), document.fileName);
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
