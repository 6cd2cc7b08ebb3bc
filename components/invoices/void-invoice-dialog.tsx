'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { ApiProblemError } from '@/components/ui/request-json';
import { Textarea } from '@/components/ui/textarea';
import { ZVoidInvoiceInput } from '@/lib/billing/invoices/schemas';
import { postVoid } from './invoice-requests';
import { InlineAlert } from './refund-parts';
import { useInvalidateInvoices } from './use-invoice-pages';

type VoidInvoiceDialogProps = { invoice: { id: string; number: string }; onClose: () => void; onCloseAutoFocus?: (event: Event) => void };

/**
 * Asks before voiding, with the reason the API requires (ZVoidInvoiceInput: 1–500 characters,
 * checked here with the same schema). Posts to POST /invoices/{id}/void from the browser, like the
 * refund dialog, so the Idempotency-Key makes a retry of the same reason replay the first answer.
 */
export function VoidInvoiceDialog({ invoice, onClose, onCloseAutoFocus }: VoidInvoiceDialogProps) {
  const router = useRouter();
  const invalidateInvoices = useInvalidateInvoices();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef({ key: crypto.randomUUID(), body: null as string | null });

  const confirm = async () => {
    setError(null);
    const parsed = ZVoidInvoiceInput.safeParse({ reason });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return;
    }
    setFieldError(undefined);
    const bodyText = JSON.stringify(parsed.data);
    // A different reason is a different request: it needs its own key (idempotency_key_reused otherwise).
    if (attempt.current.body !== null && attempt.current.body !== bodyText) attempt.current.key = crypto.randomUUID();
    attempt.current.body = bodyText;
    try {
      await postVoid(invoice.id, parsed.data, attempt.current.key);
      toast.success(`Voided ${invoice.number}.`);
      onClose();
      void invalidateInvoices();
      router.refresh();
    } catch (caught) {
      const problem = caught instanceof ApiProblemError ? caught.problem : null;
      const reasonError = problem?.errors?.find((item) => item.path === 'reason');
      if (reasonError) setFieldError(reasonError.message);
      else setError(problem?.detail ?? 'The invoice could not be voided. Try again.');
      // Someone else changed it meanwhile: show the page as it is now behind the dialog.
      if (problem?.code === 'invoice_not_voidable') router.refresh();
    }
  };

  return (
    <ConfirmDialog
      title={`Void ${invoice.number}?`}
      description="The customer no longer owes this invoice. It keeps its number and lines, and a coupon use it consumed stays consumed. A void invoice cannot be reopened."
      confirmLabel="Void invoice"
      pendingLabel="Voiding…"
      variant="danger"
      onConfirm={confirm}
      onClose={onClose}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <div className="space-y-3">
        <Field label="Reason" error={fieldError} hint="Shown on the invoice and in the audit log.">
          {(control) => <Textarea {...control} value={reason} maxLength={600} onChange={(event) => setReason(event.target.value)} placeholder="Issued twice by mistake" />}
        </Field>
        {error ? <InlineAlert>{error}</InlineAlert> : null}
      </div>
    </ConfirmDialog>
  );
}
