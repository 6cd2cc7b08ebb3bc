import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { TInvoice } from '@/lib/billing/invoices/schemas';

type TInvoiceStatus = TInvoice['status'];

export const INVOICE_STATUS_LABELS: Record<TInvoiceStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  paid: 'Paid',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
  void: 'Void',
};

const TONES: Record<TInvoiceStatus, BadgeTone> = {
  draft: 'neutral',
  open: 'info',
  paid: 'success',
  partially_refunded: 'warning',
  refunded: 'violet',
  void: 'neutral',
};

export function InvoiceStatusBadge({ status }: { status: TInvoiceStatus }) {
  // Void is struck through: it was issued once, and is now cancelled rather than merely unpaid.
  return (
    <Badge tone={TONES[status]} className={status === 'void' ? 'line-through' : undefined}>
      {INVOICE_STATUS_LABELS[status]}
    </Badge>
  );
}
