'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/db/outage-digest';

/** As the API's Retry-After for database_unavailable (lib/http/error-response.ts). */
export const OUTAGE_RETRY_MS = 5_000;

/** Server errors reach the client without their message (by design); the digest matches the server log. */
export function errorDigest(error: unknown): string | null {
  return error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
}

/**
 * The error screen of the console's error boundaries (app/error.tsx, app/(console)/error.tsx).
 * When the database is unreachable it says so and retries by itself every few seconds — each
 * retry re-renders the page on the server and, while the outage lasts, lands here again — so
 * the page comes back on its own once the database does.
 */
export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  const outage = digest === DATABASE_UNAVAILABLE_DIGEST;

  useEffect(() => {
    console.error(error);
  }, [error]);

  useEffect(() => {
    if (!outage) return;
    const timer = setTimeout(retry, OUTAGE_RETRY_MS);
    return () => clearTimeout(timer);
  }, [outage, retry]);

  if (outage) {
    // A polite status, not an alert: it is shown again after every automatic retry.
    return (
      <div role="status" className="rounded-lg border border-amber-200 bg-white px-6 py-10 text-center shadow-sm">
        <h2 className="text-base font-semibold text-zinc-900">The database is unreachable, retrying…</h2>
        <p className="mx-auto mt-1 max-w-md text-sm text-zinc-500">
          The console cannot reach its database right now. This page tries again every few seconds and comes back by
          itself when the database does; changes that failed during the outage were not saved.
        </p>
        <Button className="mt-5" onClick={() => retry()}>
          Retry now
        </Button>
      </div>
    );
  }

  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white px-6 py-10 text-center shadow-sm">
      <h2 className="text-base font-semibold text-zinc-900">This page could not be loaded</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-zinc-500">
        Something went wrong on our side, for example the database being briefly unavailable. Trying again usually
        helps.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-zinc-500">Reference: {digest}</p> : null}
      <Button className="mt-5" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
