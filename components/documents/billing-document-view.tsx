import { clsx } from 'clsx';
import type { TBillingDocument, TDocumentParty } from '@/lib/billing/documents/billing-document';

/**
 * The printable page of an invoice or credit note: the same TBillingDocument the PDF lays out
 * (lib/billing/documents/billing-document-pdf.tsx), as HTML on an A4-wide sheet. With the console's
 * print styles (navigation hidden), the browser prints just this sheet.
 */
export function BillingDocumentView({ document }: { document: TBillingDocument }) {
  return (
    <article aria-label={`${document.title} ${document.number}`} className="relative mx-auto max-w-[210mm] overflow-hidden bg-white p-10 text-sm text-zinc-900 shadow-sm ring-1 ring-zinc-200 print:max-w-none print:p-0 print:shadow-none print:ring-0">
      {document.watermark ? (
        <div aria-hidden className="pointer-events-none absolute inset-0 flex items-center justify-center">
          <span className="-rotate-30 text-[9rem] font-bold text-red-600/15 select-none">{document.watermark}</span>
        </div>
      ) : null}
      <header className="flex justify-between gap-8">
        <Party party={document.seller} />
        <div className="text-right">
          <h1 className="text-3xl font-bold">{document.title}</h1>
          <p className="mt-1 font-mono text-base">{document.number}</p>
          <p className="mt-1 text-xs text-zinc-500">{document.statusLabel}</p>
        </div>
      </header>
      <dl className="mt-6 flex flex-wrap gap-x-10 gap-y-2 border-y border-zinc-300 py-3">
        {document.facts.map((fact) => (
          <div key={fact.label}>
            <dt className="text-xs text-zinc-500">{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6">
        <Party party={document.buyer} />
      </div>
      <table className="mt-8 w-full border-collapse">
        <thead>
          <tr className="border-b border-zinc-900 text-left">
            <th className="py-1.5 font-semibold">Description</th>
            <th className="py-1.5 text-right font-semibold">Qty</th>
            <th className="py-1.5 text-right font-semibold">Unit price</th>
            <th className="py-1.5 text-right font-semibold">Amount</th>
          </tr>
        </thead>
        <tbody>
          {document.lines.map((line, index) => (
            <tr key={index} className="border-b border-zinc-200">
              <td className="py-1.5 pr-4">{line.description}</td>
              <td className="py-1.5 text-right tabular-nums">{line.quantity}</td>
              <td className="py-1.5 text-right tabular-nums">{line.unitAmount}</td>
              <td className="py-1.5 text-right tabular-nums">{line.amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="mt-4 ml-auto max-w-xs space-y-1">
        {document.totals.map((total) => (
          <div key={total.label} className={clsx('flex justify-between gap-6', total.emphasis && 'mt-1 border-t border-zinc-900 pt-1.5 text-base font-semibold')}>
            <dt>{total.label}</dt>
            <dd className="text-right tabular-nums">{total.amount}</dd>
          </div>
        ))}
      </dl>
      {document.notes.length > 0 ? (
        <div className="mt-6 space-y-1 rounded bg-zinc-100 px-3 py-2">
          {document.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      ) : null}
      <footer className="mt-10 text-xs text-zinc-500">{document.footer}</footer>
    </article>
  );
}

function Party({ party }: { party: TDocumentParty }) {
  return (
    <div>
      <p className="text-xs text-zinc-500">{party.heading}</p>
      <p className="mt-0.5 text-base font-semibold">{party.name}</p>
      {party.details.map((detail) => (
        <p key={detail} className="text-zinc-600">
          {detail}
        </p>
      ))}
      {party.taxId ? <p>NPWP {party.taxId}</p> : null}
    </div>
  );
}
