import { Skeleton } from '@/components/ui/skeleton';

/**
 * The skeleton a console page shows while its server component loads: each page folder's
 * loading.tsx re-exports it. Not one loading.tsx for the whole console: a Suspense boundary above
 * a page sends the shell before the page runs, so a page that turns out not to exist (an unknown
 * invoice id) could only answer 200; pages that can 404 therefore stream nothing before they know.
 */
export function PageLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <Skeleton className="mb-2 h-8 w-48" />
      <Skeleton className="mb-8 h-4 w-80" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
