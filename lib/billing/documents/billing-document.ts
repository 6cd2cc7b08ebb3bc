/**
 * What an invoice or credit note document shows, already written out (amounts in their currency,
 * dates as people read them): the one model the PDF (billing-document-pdf.tsx) and the console's
 * printable page both lay out, so the two never disagree. An invoice fills it with
 * invoiceDocument(); a credit note (CN-YYYYMM-NNNN, SPEC §12) fills the same fields with its own
 * title, lines and totals and gets the same layout.
 */
export interface TDocumentParty {
  /** "From" or "Bill to". */
  heading: string;
  name: string;
  /** Address, email, country: each on its own line, in that order, empty ones left out. */
  details: string[];
  /** NPWP (Indonesian tax id), when known. */
  taxId: string | null;
}

export interface TDocumentLine {
  description: string;
  quantity: string;
  unitAmount: string;
  amount: string;
}

export interface TDocumentTotal {
  label: string;
  amount: string;
  /** The figure a reader looks for (total, amount due): set apart. */
  emphasis?: boolean;
}

export interface TBillingDocument {
  /** "Invoice", "Credit note". */
  title: string;
  number: string;
  /** "Paid", "Open", "Void"… shown beside the number. */
  statusLabel: string;
  /** Printed across the page (a void invoice: "VOID"); null for none. */
  watermark: string | null;
  /** Dates and references under the title: issued, due, period… */
  facts: { label: string; value: string }[];
  seller: TDocumentParty;
  buyer: TDocumentParty;
  lines: TDocumentLine[];
  totals: TDocumentTotal[];
  /** Sentences under the totals: why it was voided, which invoice a credit note corrects. */
  notes: string[];
  /** Small print at the bottom of every page. */
  footer: string;
  /** The download's file name, `<number>.pdf`. */
  fileName: string;
}
