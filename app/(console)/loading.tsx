import { Skeleton } from '@/components/ui/skeleton';

export default function ConsoleLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <Skeleton className="mb-2 h-8 w-48" />
      <Skeleton className="mb-8 h-4 w-80" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
