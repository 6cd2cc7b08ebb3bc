import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { Card, CardDescription, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';

type DashboardCardProps = {
  id: string;
  title: string;
  description: ReactNode;
  /** A control in the header, outside the loading boundary (it stays usable while the body loads). */
  action?: ReactNode;
  /** Changes with the query, so each new range shows the skeleton instead of the last range's figures. */
  loadingKey: string;
  fallback: ReactNode;
  /** A link to the console page behind the section. */
  more?: { href: string; label: string };
  className?: string;
  children: ReactNode;
};

/** A titled dashboard section whose body streams in behind its own skeleton. */
export function DashboardCard({ id, title, description, action, loadingKey, fallback, more, className, children }: DashboardCardProps) {
  return (
    <Card aria-labelledby={id} className={clsx('flex flex-col', className)}>
      <div className="flex items-start justify-between gap-4 px-5 pt-4">
        <div className="min-w-0 space-y-0.5">
          <CardTitle id={id}>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        {action}
      </div>
      <div className="flex-1 px-5 pt-4 pb-5">
        <Suspense key={loadingKey} fallback={fallback}>
          {children}
        </Suspense>
      </div>
      {more ? (
        <div className="border-t border-zinc-100 px-5 py-3">
          <Link href={more.href} className="text-sm font-medium text-brand-700 hover:text-brand-800 hover:underline">
            {more.label} <span aria-hidden="true">→</span>
          </Link>
        </div>
      ) : null}
    </Card>
  );
}

export function BlockSkeleton({ label, className }: { label: string; className: string }) {
  return (
    <div role="status" aria-label={label}>
      <Skeleton className={clsx('w-full', className)} />
    </div>
  );
}

export function RowsSkeleton({ label, rows }: { label: string; rows: number }) {
  return (
    <div role="status" aria-label={label} className="space-y-3 pt-1">
      {Array.from({ length: rows }, (_, row) => (
        <Skeleton key={row} className="h-8 w-full" />
      ))}
    </div>
  );
}
