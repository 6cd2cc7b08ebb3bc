'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  // Server errors reach the client without their message (by design); the digest matches the server log.
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white px-6 py-10 text-center shadow-sm">
      <h2 className="text-base font-semibold text-zinc-900">This page could not be loaded</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-zinc-500">
        Something went wrong on our side, for example the database being briefly unavailable. Trying again usually
        helps.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-zinc-400">Reference: {digest}</p> : null}
      <Button className="mt-5" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
