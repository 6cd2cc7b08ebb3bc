import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** An unknown or malformed invoice id (a mistyped or stale link), shown inside the console. */
export default function InvoiceNotFound() {
  return (
    <EmptyState
      title="No invoice has this id"
      description="The link may be mistyped, or point to an invoice of another installation. Find it by its number instead."
      action={
        <Link href="/invoices" className={buttonClasses({ variant: 'secondary' })}>
          Search invoices
        </Link>
      }
    />
  );
}
