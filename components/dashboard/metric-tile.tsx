import Link from 'next/link';
import type { ReactNode } from 'react';
import { clsx } from 'clsx';
import { InfoTip } from './info-tip';
import type { TChange } from './metric-change';

type MetricTileProps = {
  label: string;
  value: string;
  change: TChange;
  /** "vs previous 30 days", "since 1 Nov". */
  comparison: string;
  /** What the figure means (and where its link goes), on hover and focus of the info button. */
  about: ReactNode;
  /** The page listing what is behind the figure. */
  href?: string;
  hrefLabel?: string;
};

const TONES: Record<TChange['tone'], string> = {
  good: 'bg-emerald-50 text-emerald-700',
  bad: 'bg-red-50 text-red-700',
  neutral: 'bg-zinc-100 text-zinc-600',
};

const SPOKEN: Record<TChange['direction'], string> = { up: 'Up', down: 'Down', flat: 'No change,', none: 'No comparison' };

export function MetricTile({ label, value, change, comparison, about, href, hrefLabel }: MetricTileProps) {
  const labelId = `metric-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div role="group" aria-labelledby={labelId} className="@container flex flex-col rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h3 id={labelId} className="text-sm font-medium text-zinc-500">
          {label}
        </h3>
        <InfoTip label={`About ${label}`}>{about}</InfoTip>
      </div>
      <p className="mt-1.5 text-xl font-semibold tracking-tight break-words text-zinc-900 tabular-nums @[14rem]:text-2xl">
        {href ? (
          <Link href={href} className="rounded-sm decoration-zinc-300 underline-offset-4 hover:text-brand-700 hover:underline">
            {value}
            <span className="sr-only">, {hrefLabel}</span>
          </Link>
        ) : (
          value
        )}
      </p>
      <p className="mt-auto flex flex-wrap items-center gap-x-1.5 gap-y-1 pt-2 text-xs">
        <span className={clsx('inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 font-medium tabular-nums', TONES[change.tone])}>
          <span className="sr-only">{SPOKEN[change.direction]}</span>
          {change.direction === 'up' || change.direction === 'down' ? (
            <span aria-hidden="true" className="text-[0.625rem]">
              {change.direction === 'up' ? '▲' : '▼'}
            </span>
          ) : null}
          {change.direction === 'none' ? <span aria-hidden="true">—</span> : change.text}
        </span>
        <span className="text-zinc-500">{comparison}</span>
      </p>
    </div>
  );
}
