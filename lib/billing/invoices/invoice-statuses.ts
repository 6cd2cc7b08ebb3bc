// Without zod, so the browser can list the statuses (the invoice filter) without loading zod.
export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'partially_refunded', 'refunded', 'void'] as const;

/** How a person reads each status: the console's badges and the invoice documents. */
export const INVOICE_STATUS_LABELS: Record<(typeof INVOICE_STATUSES)[number], string> = {
  draft: 'Draft',
  open: 'Open',
  paid: 'Paid',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
  void: 'Void',
};
