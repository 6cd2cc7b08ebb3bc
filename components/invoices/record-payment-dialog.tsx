'use client';

import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { toast } from 'sonner';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ApiProblemError } from '@/components/ui/request-json';
import { Select } from '@/components/ui/select';
import { PAYMENT_METHODS } from '@/lib/billing/payments/schemas';
import { currencyDecimals, formatMoney } from '@/lib/money-format';
import { postPayment } from './invoice-requests';
import { paymentMethodLabel } from './payment-labels';
import { paymentFormSchema } from './payment-form-schema';
import { InlineAlert } from './refund-parts';
import { useInvalidateInvoices } from './use-invoice-pages';
import { DialogActions } from '@/components/ui/dialog-actions';

export type TPayableInvoice = { id: string; number: string; currency: string; amount_due: number };

type Props = { invoice: TPayableInvoice; onClose: () => void; onCloseAutoFocus?: (event: Event) => void };

/**
 * Money received (SPEC §11), POSTed to /invoices/{id}/payments with an Idempotency-Key made when the
 * dialog opens (a double click or a retry records once), renewed when the body changes.
 */
export function RecordPaymentDialog({ invoice, onClose, onCloseAutoFocus }: Props) {
  const router = useRouter();
  const invalidateInvoices = useInvalidateInvoices();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(() => ({ key: crypto.randomUUID(), body: null as string | null }));
  const schema = useMemo(() => paymentFormSchema(invoice.currency, invoice.amount_due), [invoice.currency, invoice.amount_due]);
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(schema),
    defaultValues: { amount: invoice.amount_due, method: 'bank_transfer' as const, reference: '' },
  });
  const { errors } = formState;
  const decimals = currencyDecimals(invoice.currency);

  const onSubmit = handleSubmit(async (values) => {
    if (pending) return;
    setPending(true);
    setError(null);
    const bodyText = JSON.stringify(values);
    const current = { key: attempt.body !== null && attempt.body !== bodyText ? crypto.randomUUID() : attempt.key, body: bodyText };
    setAttempt(current);
    try {
      const result = await postPayment(invoice.id, values, current.key);
      const amount = formatMoney(result.payment.amount, invoice.currency);
      toast.success(result.invoice_status === 'paid' ? `Recorded ${amount}: ${invoice.number} is paid.` : `Recorded ${amount}; ${formatMoney(result.amount_due, invoice.currency)} still due.`);
      onClose();
      void invalidateInvoices();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiProblemError ? (caught.problem.detail as string) : 'The payment could not be recorded. Try again.');
    } finally {
      setPending(false);
    }
  });

  return (
    <Dialog open onOpenChange={(open) => !open && !pending && onClose()}>
      <DialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>Record payment for {invoice.number}</DialogTitle>
          <DialogDescription>
            Money already received, e.g. a bank transfer. {formatMoney(invoice.amount_due, invoice.currency)} is due.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <Field label={`Amount (${invoice.currency})`} error={errors.amount?.message} hint="Less than the amount due records a partial payment.">
            {(control) => (
              <Input {...control} type="number" inputMode={decimals === 0 ? 'numeric' : 'decimal'} min={0} step={decimals === 0 ? 1 : 1 / 10 ** decimals} className="text-right tabular-nums" {...register('amount', { valueAsNumber: true })} />
            )}
          </Field>
          <Field label="Method" error={errors.method?.message}>
            {(control) => (
              <Select {...control} {...register('method')}>
                {PAYMENT_METHODS.map((method) => (
                  <option key={method} value={method}>
                    {paymentMethodLabel(method)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Reference" error={errors.reference?.message} hint="The transfer, virtual account or receipt number: the same one twice is refused.">
            {(control) => <Input {...control} maxLength={200} placeholder="e.g. BCA-20261203-778812" {...register('reference')} />}
          </Field>
          {error ? <InlineAlert>{error}</InlineAlert> : null}
          <DialogActions actionLabel="Record payment" pendingLabel="Recording…" pending={pending} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
