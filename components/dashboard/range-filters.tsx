'use client';

import Link, { useLinkStatus } from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { clsx } from 'clsx';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { addDays, type TDateRange } from '@/lib/billing/analytics/date-range';
import { dashboardHref, type TDashboardParams } from './dashboard-params';
import { lastDay } from './dashboard-range';

export type TPresetLink = { id: string; label: string; href: string; active: boolean };

type RangeFiltersProps = {
  params: TDashboardParams;
  /** The range shown, or null when the URL's is invalid. */
  range: TDateRange | null;
  presets: TPresetLink[];
};

/**
 * Range presets (links, computed on the server) and a custom range, kept in the URL like the
 * currency: the server renders the figures for whatever the URL says. Changing the range drops a
 * chosen chart interval, so the new range gets its own default.
 */
export function RangeFilters({ params, range, presets }: RangeFiltersProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (next: TDashboardParams) => startTransition(() => router.replace(dashboardHref(next), { scroll: false }));

  return (
    <div role="group" aria-label="Date range" className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <ul className="inline-flex flex-wrap rounded-md border border-zinc-300 bg-white p-0.5 shadow-sm">
        {presets.map((preset) => (
          <li key={preset.id}>
            <Link
              href={preset.href}
              replace
              scroll={false}
              // Five links on every dashboard view: fetch a range when it is chosen, not in case it is.
              prefetch={false}
              aria-current={preset.active ? 'true' : undefined}
              className={clsx(
                'block rounded px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors',
                preset.active ? 'bg-zinc-900 text-white' : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900',
              )}
            >
              <PendingLabel label={preset.label} />
            </Link>
          </li>
        ))}
      </ul>
      <CustomRange key={range ? `${range.from}/${range.to}` : 'invalid'} range={range} pending={pending} onApply={(next) => go({ currency: params.currency, ...next })} />
    </div>
  );
}

/** A chosen preset pulses until its figures start to arrive, so a click never looks ignored. */
function PendingLabel({ label }: { label: string }) {
  const { pending } = useLinkStatus();
  return <span className={clsx(pending && 'animate-pulse')}>{label}</span>;
}

/** From and to as people mean them (both days counted); the URL's `to` is the day after, as the API's. */
function CustomRange({ range, pending, onApply }: { range: TDateRange | null; pending: boolean; onApply: (range: TDateRange) => void }) {
  const [from, setFrom] = useState(range?.from ?? '');
  const [through, setThrough] = useState(range ? lastDay(range) : '');
  const complete = from !== '' && through !== '';
  const changed = !range || from !== range.from || through !== lastDay(range);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (complete) onApply({ from, to: addDays(through, 1) });
  };

  return (
    <form onSubmit={apply} className="flex flex-wrap items-center gap-2 sm:shrink-0 sm:flex-nowrap" aria-label="Custom range">
      <label htmlFor="dashboard-from" className="sr-only">
        From
      </label>
      <Input id="dashboard-from" type="date" className="max-w-36" value={from} max={through || undefined} onChange={(event) => setFrom(event.target.value)} />
      <span aria-hidden="true" className="text-zinc-400">
        –
      </span>
      <label htmlFor="dashboard-to" className="sr-only">
        To
      </label>
      <Input id="dashboard-to" type="date" className="max-w-36" value={through} min={from || undefined} onChange={(event) => setThrough(event.target.value)} />
      <Button type="submit" variant="secondary" disabled={!complete || !changed || pending}>
        {pending ? 'Applying…' : 'Apply'}
      </Button>
    </form>
  );
}
