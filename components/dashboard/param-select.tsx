'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { clsx } from 'clsx';
import { Select } from '@/components/ui/select';
import { dashboardHref, type TDashboardParams } from './dashboard-params';

type ParamSelectProps = {
  /** The URL's current parameters, kept except the one this select sets. */
  params: TDashboardParams;
  name: 'currency' | 'interval';
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  /** Show the label beside the select; otherwise it is for assistive technology only. */
  showLabel?: boolean;
  className?: string;
};

/** A select whose choice is a URL parameter of the dashboard (the currency, the chart's interval). */
export function ParamSelect({ params, name, label, value, options, showLabel = false, className }: ParamSelectProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const id = `dashboard-${name}`;
  return (
    <div className={clsx('flex items-center gap-2', className)}>
      <label htmlFor={id} className={showLabel ? 'text-sm font-medium text-zinc-600' : 'sr-only'}>
        {label}
      </label>
      <Select
        id={id}
        value={value}
        aria-busy={pending || undefined}
        className={clsx(pending && 'opacity-60')}
        onChange={(event) => {
          const href = dashboardHref({ ...params, [name]: event.target.value });
          startTransition(() => router.replace(href, { scroll: false }));
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
