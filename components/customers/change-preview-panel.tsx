import { Button } from '@/components/ui/button';
import type { TChangePreview } from '@/lib/billing/subscriptions/schemas';
import { formatMoney } from '@/lib/money-format';

type Props = { preview: TChangePreview; currency: string; busy: boolean; onConfirm: () => void; onDiscard: () => void };

/** Every line of a previewed change, MRR before → after and what is invoiced, with its confirm. */
export function ChangePreviewPanel({ preview, currency, busy, onConfirm, onDiscard }: Props) {
  const money = (value: number) => formatMoney(value, currency);
  return (
    <div aria-label="Change preview" role="group" className="rounded-md border border-zinc-200 p-4 text-sm">
      <p className="mb-2 font-medium">
        {preview.timing === 'now' ? 'Takes effect now' : `Takes effect at the period end (${preview.effective_at.slice(0, 10)})`} · MRR {money(preview.mrr_before)} → {money(preview.mrr_after)}
      </p>
      {preview.coupon_removed ? <p className="mb-2 text-amber-700">Coupon {preview.coupon_removed.code} does not apply to the new plan and will be removed.</p> : null}
      <table className="w-full">
        <caption className="sr-only">Lines of the change</caption>
        <tbody>
          {preview.lines.map((line, index) => (
            <tr key={index}><td className="py-1">{line.description}</td><td className="py-1 text-right tabular-nums">{money(line.amount)}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 font-medium">
        {preview.invoice_now ? `Invoiced now: ${money(preview.invoice_now.total)}` : `Next invoice: ${money(preview.next_invoice.total)}`}
      </p>
      <div className="mt-3 flex gap-2">
        <Button onClick={onConfirm} disabled={busy}>Confirm change</Button>
        <Button variant="ghost" onClick={onDiscard}>Discard</Button>
      </div>
    </div>
  );
}
