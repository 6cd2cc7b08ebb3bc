'use client';

import { PageError } from '@/components/console/page-error';

/**
 * Errors of the console's layout itself (its guard reads the session's user from the database
 * on every full page load) and of the sign-in page: app/(console)/error.tsx sits inside that
 * layout and cannot catch them.
 */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-lg">
        <PageError error={error} retry={retry} />
      </div>
    </main>
  );
}
