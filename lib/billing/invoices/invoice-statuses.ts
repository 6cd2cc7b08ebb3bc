// Without zod, so the browser can list the statuses (the invoice filter) without loading zod.
export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'partially_refunded', 'refunded', 'void'] as const;
