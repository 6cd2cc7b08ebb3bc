'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { previewPlanChangeAction } from '@/lib/actions/plans';
import type { TUpdatePlanInput } from '@/lib/billing/plans/schemas';
import type { TPlanChangePreview } from '@/lib/billing/plans/preview-plan-change';
import { formatMoney } from '@/lib/money-format';
import { PLANS_QUERY_KEY } from './plans-query';
import { useDebouncedValue } from './use-debounced-value';

/** The MRR impact of the prices and limits being edited, fetched as the admin types (debounced). */
export function usePlanChangePreview(planId: string, change: TUpdatePlanInput) {
  const debounced = useDebouncedValue(change, 400);
  return useQuery({
    queryKey: [...PLANS_QUERY_KEY, planId, 'change-preview', debounced],
    queryFn: async (): Promise<TPlanChangePreview> => {
      const result = await previewPlanChangeAction(planId, debounced);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** SPEC §4: before saving a change to a plan in use, show how many subscriptions it affects and the MRR difference. */
export function PlanChangePreview({ planId, change }: { planId: string; change: TUpdatePlanInput }) {
  const preview = usePlanChangePreview(planId, change);
  return (
    <div className="space-y-1.5 rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm">
      <p role="status" aria-live="polite" className={clsx('text-zinc-800', preview.isFetching && 'opacity-70')}>
        <PreviewSentence preview={preview.data} error={preview.error} />
      </p>
      <p className="text-xs text-zinc-500">
        Invoices already issued are never rewritten: they keep their own prices. A change applies from each subscription&apos;s next invoice.
      </p>
    </div>
  );
}

function PreviewSentence({ preview, error }: { preview: TPlanChangePreview | undefined; error: Error | null }) {
  if (error && !preview) return <>The effect on subscriptions could not be computed: {error.message}</>;
  if (!preview) return <>Checking which subscriptions use this plan…</>;
  const { active_subscriptions: count, currency } = preview;
  if (count === 0) return <>No active subscriptions use this plan, so no MRR changes.</>;
  const subscriptions = `${count.toLocaleString('en-US')} ${count === 1 ? 'subscription' : 'subscriptions'}`;
  if (preview.mrr_difference === 0) {
    return <>{subscriptions} (active or past due) use this plan. Their MRR stays at {formatMoney(preview.mrr_before, currency)}.</>;
  }
  const sign = preview.mrr_difference > 0 ? '+' : '−';
  return (
    <>
      This change affects <strong>{subscriptions}</strong>: MRR {formatMoney(preview.mrr_before, currency)} →{' '}
      {formatMoney(preview.mrr_after, currency)}{' '}
      <span className={clsx('font-medium', preview.mrr_difference > 0 ? 'text-emerald-700' : 'text-red-700')}>
        ({sign}
        {formatMoney(Math.abs(preview.mrr_difference), currency)})
      </span>
    </>
  );
}
