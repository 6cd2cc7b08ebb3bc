import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { PrintButton } from './print-button';

/** Above a printable document (hidden in print): back to where it came from, its PDF, print. */
export function DocumentToolbar({ backHref, backLabel, pdfUrl }: { backHref: string; backLabel: string; pdfUrl: string }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
      <Link href={backHref} className="text-sm text-zinc-500 hover:text-zinc-900">
        ← {backLabel}
      </Link>
      <div className="flex gap-2">
        <a href={pdfUrl} download className={buttonClasses({ variant: 'secondary' })}>
          Download PDF
        </a>
        <PrintButton />
      </div>
    </div>
  );
}
