'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
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
  const go = (next: TDashboardParams) => router.replace(dashboardHref(next), { scroll: false });

  return (
    <div role="group" aria-label="Date range" className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <ul className="inline-flex flex-wrap rounded-md border border-zinc-300 bg-white p-0.5 shadow-sm">
        {presets.map((preset) => (
          <li key={preset.id}>
            <Link
              href={preset.href}
              replace
              scroll={false}
              aria-current={preset.active ? 'true' : undefined}
              className={clsx(
                'block rounded px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors',
                preset.active ? 'bg-zinc-900 text-white' : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900',
              )}
            >
              {preset.label}
            </Link>
          </li>
        ))}
      </ul>
      <CustomRange key={range ? `${range.from}/${range.to}` : 'invalid'} range={range} onApply={(next) => go({ currency: params.currency, ...next })} />
    </div>
  );
}

/** From and to as people mean them (both days counted); the URL's `to` is the day after, as the API's. */
function CustomRange({ range, onApply }: { range: TDateRange | null; onApply: (range: TDateRange) => void }) {
  const [from, setFrom] = useState(range?.from ?? '');
  const [through, setThrough] = useState(range ? lastDay(range) : '');
  const complete = from !== '' && through !== '';
  const changed = !range || from !== range.from || through !== lastDay(range);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (complete) onApply({ from, to: addDays(through, 1) });
  };

  return (
    <form onSubmit={apply} className="flex items-center gap-2" aria-label="Custom range">
      <label htmlFor="dashboard-from" className="sr-only">
        From
      </label>
      <Input id="dashboard-from" type="date" className="w-38" value={from} max={through || undefined} onChange={(event) => setFrom(event.target.value)} />
      <span aria-hidden="true" className="text-zinc-400">
        –
      </span>
      <label htmlFor="dashboard-to" className="sr-only">
        To
      </label>
      <Input id="dashboard-to" type="date" className="w-38" value={through} min={from || undefined} onChange={(event) => setThrough(event.target.value)} />
      <Button type="submit" variant="secondary" disabled={!complete || !changed}>
        Apply
      </Button>
    </form>
  );
}
