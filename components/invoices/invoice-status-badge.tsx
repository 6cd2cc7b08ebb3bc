import { Badge, type BadgeTone } from '@/components/ui/badge';
import { INVOICE_STATUS_LABELS } from '@/lib/billing/invoices/invoice-statuses';
import type { TInvoice } from '@/lib/billing/invoices/schemas';

type TInvoiceStatus = TInvoice['status'];

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
