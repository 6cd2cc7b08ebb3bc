'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import type { TInvoiceDetail } from '@/lib/billing/invoices/schemas';
import type { TRefundResult } from '@/lib/billing/refunds/schemas';
import { formatMoney } from '@/lib/money-format';
import { ApiProblemError } from '@/components/ui/request-json';
import { fetchInvoice, postRefund } from './invoice-requests';
import { RefundForm, type TRefundDraft } from './refund-form';
import { InlineAlert, RefundFigures, refundFiguresOf, type TRefundFigures } from './refund-parts';
import { useInvalidateInvoices } from './use-invoice-pages';
import { DialogActions } from '@/components/ui/dialog-actions';

export type TRefundableInvoice = Pick<TInvoiceDetail, 'id' | 'number' | 'currency'> & TRefundFigures & { provider: 'manual' | 'xendit' | 'stripe' };

type RefundDialogProps = { invoice: TRefundableInvoice; onClose: () => void; onCloseAutoFocus?: (event: Event) => void };

/**
 * Refund: choose → confirm → POST. The request goes from the browser straight to
 * POST /invoices/{id}/refund (session cookie) rather than through a server action, because a
 * server action cannot send the Idempotency-Key header that adminRoute stores and replays: this
 * way a double click or a retry after a lost response is answered from the stored response and
 * refunds once, with no second idempotency mechanism to keep in step with the API's.
 *
 * The key is made when the dialog opens and reused for every retry of the same body. A different
 * body (the operator went back and changed the amount, or reviews again after invoice_changed)
 * needs a new key, since the API rejects a key reused with another body (idempotency_key_reused).
 *
 * Mounted while open (refund-button.tsx loads it on demand), so every opening starts from a
 * snapshot: what the operator sees is what the stale-page guard compares against.
 */
export function RefundDialog({ invoice, onClose, onCloseAutoFocus }: RefundDialogProps) {
  const router = useRouter();
  const invalidateInvoices = useInvalidateInvoices();
  const [figures, setFigures] = useState<TRefundFigures>(invoice);
  const [draft, setDraft] = useState<TRefundDraft | null>(null);
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const [changed, setChanged] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [formVersion, setFormVersion] = useState(0);
  const [firstKey] = useState(() => crypto.randomUUID());
  const attempt = useRef({ key: firstKey, body: null as string | null });
  const inFlight = useRef(false);

  const refreshEverywhere = () => {
    void invalidateInvoices();
    router.refresh();
  };

  const confirm = async () => {
    if (inFlight.current || !draft) return; // a second click while the first is on its way
    inFlight.current = true;
    setPending(true);
    setError(null);
    const body = {
      reason: draft.reason, amount: draft.amount, expected_amount_refunded: figures.amount_refunded,
      ...(invoice.provider === 'manual' && draft.method ? { method: draft.method } : {}),
      ...(invoice.provider === 'manual' && draft.reference ? { reference: draft.reference } : {}),
    };
    const bodyText = JSON.stringify(body);
    if (attempt.current.body !== null && attempt.current.body !== bodyText) attempt.current.key = crypto.randomUUID();
    attempt.current.body = bodyText;
    try {
      announce(await postRefund(invoice.id, body, attempt.current.key), invoice);
      onClose();
      refreshEverywhere();
    } catch (caught) {
      await showFailure(caught);
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  };

  const showFailure = async (caught: unknown) => {
    const problem = caught instanceof ApiProblemError ? caught.problem : null;
    if (problem?.code !== 'invoice_changed') {
      setError(problem?.detail ?? 'The refund could not be sent. Try again.');
      if (problem?.code === 'invoice_not_refundable') refreshEverywhere();
      return;
    }
    // Someone refunded meanwhile: show the invoice as it is now and let the operator review again.
    const fresh = await fetchInvoice(invoice.id).then(refundFiguresOf, () => null);
    const next = fresh ?? { ...figures, ...pickFigures(problem) };
    setFigures(next);
    setChanged(`This invoice changed since you opened it: ${formatMoney(next.amount_refunded, invoice.currency)} is refunded now.`);
    attempt.current = { key: crypto.randomUUID(), body: null };
    setFormVersion((version) => version + 1);
    setStep('form');
    refreshEverywhere();
  };

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>Refund {invoice.number}</DialogTitle>
          <DialogDescription>
            {invoice.provider === 'manual'
              ? 'Manual: no provider is called. Record how you returned the money (method and reference, optional).'
              : `Returns the money through ${invoice.provider === 'xendit' ? 'Xendit' : 'Stripe'}, which took the payment.`}
          </DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          {changed ? <InlineAlert tone="warning">{changed} Review the refund again.</InlineAlert> : null}
          <RefundFigures figures={figures} currency={invoice.currency} />
          {figures.amount_refundable <= 0 ? <InlineAlert tone="warning">Nothing is left to refund on this invoice.</InlineAlert> : null}
          {step === 'form' || !draft ? (
            <RefundForm
              key={formVersion}
              currency={invoice.currency}
              manual={invoice.provider === 'manual'}
              figures={figures}
              draft={draft}
              onReview={(next) => {
                setDraft(next);
                setError(null);
                setStep('confirm');
              }}
            />
          ) : (
            <>
              <p className="text-sm text-zinc-800">
                Refund <strong className="tabular-nums">{formatMoney(draft.amount, invoice.currency)}</strong> of{' '}
                <strong className="font-mono">{invoice.number}</strong>? This returns money to the customer.
              </p>
              <p className="rounded-md bg-zinc-50 px-3 py-2 text-sm text-zinc-600">
                <span className="font-medium text-zinc-800">Reason:</span> {draft.reason}
              </p>
              {error ? <InlineAlert>{error}</InlineAlert> : null}
              <DialogActions backLabel="Back" onBack={() => setStep('form')} actionLabel="Confirm refund" pendingLabel="Refunding…" onAction={confirm} variant="danger" pending={pending} />
            </>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}

function pickFigures(problem: Record<string, unknown>): Partial<TRefundFigures> {
  const figures: Partial<TRefundFigures> = {};
  for (const key of ['amount_paid', 'amount_refunded', 'amount_refundable'] as const) {
    if (typeof problem[key] === 'number') figures[key] = problem[key];
  }
  return figures;
}

/** A refund the gateway rejected is still a 201: say so, not "refunded". */
function announce(result: TRefundResult, invoice: { number: string; currency: string }) {
  const amount = formatMoney(result.refund_amount, invoice.currency);
  if (result.status === 'succeeded') toast.success(`Refunded ${amount} of ${invoice.number}.`);
  else if (result.status === 'pending') toast.info(`Refund of ${amount} sent; the provider has not settled it yet (pending).`);
  else toast.error(`The payment gateway rejected the refund of ${amount}: ${result.refund.failure_reason ?? 'no reason given'}.`);
}
