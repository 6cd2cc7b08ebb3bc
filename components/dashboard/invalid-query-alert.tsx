import Link from 'next/link';
import type { FieldError } from '@/lib/errors';

/** What the analytics API would answer for this query string (400 validation_failed), where the figures would be. */
export function InvalidQueryAlert({ message, errors }: { message: string; errors: FieldError[] }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-5 py-4 text-sm">
      <p className="font-semibold text-red-900">These figures can&apos;t be shown for the range in the address</p>
      {errors.length > 0 ? (
        <ul className="mt-2 space-y-1 text-red-800">
          {errors.map((error) => (
            <li key={`${error.path}:${error.message}`}>
              {error.path ? <code className="mr-1.5 rounded bg-red-100 px-1 py-0.5 font-mono text-xs">{error.path}</code> : null}
              {error.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-red-800">{message}</p>
      )}
      <p className="mt-3 text-red-800">
        Pick a range above, or{' '}
        <Link href="/" className="font-medium underline underline-offset-2 hover:text-red-950">
          show the last 30 days
        </Link>
        .
      </p>
    </div>
  );
}
