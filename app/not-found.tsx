import Link from 'next/link';
import { connection } from 'next/server';
import { buttonClasses } from '@/components/ui/button';

export default async function NotFound() {
  // Rendered per request, like every page: a prerendered page's scripts carry no CSP nonce, so
  // the browser would block them (docs/SECURITY.md).
  await connection();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-zinc-900">Page not found</h1>
        <p className="mt-2 text-sm text-zinc-500">There is no page at this address in the Billing Admin Console.</p>
        <Link href="/" className={buttonClasses({ variant: 'secondary', className: 'mt-6' })}>
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
