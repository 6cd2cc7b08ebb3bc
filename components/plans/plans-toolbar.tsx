'use client';

import { clsx } from 'clsx';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TPlanStatusFilter } from './plan-list-view';

const STATUSES: { value: TPlanStatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
];

type ToolbarProps = {
  status: TPlanStatusFilter;
  onStatusChange: (status: TPlanStatusFilter) => void;
  query: string;
  onQueryChange: (query: string) => void;
  shown: number;
  total: number;
  refreshing: boolean;
  error: Error | null;
};

/** Search by name or slug, and an Active / Inactive / All filter (a radio group: arrow keys move within it). */
export function PlansToolbar({ status, onStatusChange, query, onQueryChange, shown, total, refreshing, error }: ToolbarProps) {
  return (
    <div className="space-y-2">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="w-full space-y-1.5 sm:max-w-xs">
          <Label htmlFor="plan-search">Search plans</Label>
          <Input id="plan-search" type="search" placeholder="Name or slug" value={query} onChange={(event) => onQueryChange(event.target.value)} />
        </div>
        <fieldset className="flex items-center gap-3">
          <legend className="sr-only">Status</legend>
          <span aria-hidden="true" className="text-sm font-medium text-zinc-800">
            Status
          </span>
          <div className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5 shadow-sm">
            {STATUSES.map((option) => (
              <label
                key={option.value}
                className={clsx(
                  'cursor-pointer rounded px-3 py-1 text-sm font-medium has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
                  status === option.value ? 'bg-brand-600 text-white' : 'text-zinc-600 hover:bg-zinc-100',
                )}
              >
                <input
                  type="radio"
                  name="plan-status"
                  value={option.value}
                  checked={status === option.value}
                  onChange={() => onStatusChange(option.value)}
                  className="sr-only"
                />
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <p className="text-xs text-zinc-500" aria-live="polite">
        {shown === total ? `${total} ${total === 1 ? 'plan' : 'plans'}` : `${shown} of ${total} plans`}
        {refreshing ? ' · refreshing…' : null}
        {error ? <span className="text-red-600"> · Could not refresh: {error.message}</span> : null}
      </p>
    </div>
  );
}
