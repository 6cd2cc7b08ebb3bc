'use client';

import { useWatch } from 'react-hook-form';
import { worstCaseCost } from '@/lib/billing/coupons/worst-case-cost';
import { formatMoney } from '@/lib/money-format';
import type { TCouponFormControl } from './coupon-form-values';
import type { TCouponPlanOption } from './plan-option';

type Props = { control: TCouponFormControl; plans: TCouponPlanOption[] };

/** The most this coupon can cost, recomputed as the form changes, so a typo in a value or a missing limit is visible before saving. */
export function WorstCasePanel({ control, plans }: Props) {
  const [discountType, discountValue, currency, maxUses, applicable] = useWatch({
    control,
    name: ['discount_type', 'discount_value', 'currency', 'max_uses', 'applicable_plans'],
  });
  const lines = worstCaseCost({
    discountType,
    discountValue,
    currency: currency ?? null,
    maxUses: maxUses ?? null,
    applicablePlanIds: applicable ?? [],
    // With no restriction, the plans customers can buy today.
    plans: applicable?.length ? plans : plans.filter((plan) => plan.is_active),
  });
  const unbounded = maxUses === null || maxUses === undefined || Number.isNaN(maxUses);

  return (
    <section aria-labelledby="worst-case-title" aria-live="polite" className="rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm">
      <h3 id="worst-case-title" className="font-medium text-zinc-900">
        Worst-case cost
      </h3>
      {lines.length === 0 ? (
        <p className="mt-1 text-zinc-500">Enter a discount value to see what this coupon can cost.</p>
      ) : (
        <table className="mt-2 w-full text-left">
          <thead className="text-xs text-zinc-500">
            <tr>
              <th scope="col" className="pb-1 font-medium">
                {discountType === 'percentage' ? `Plan (${discountValue}% of its monthly price)` : 'Any plan'}
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                Per use
              </th>
              <th scope="col" className="pb-1 text-right font-medium">
                {unbounded ? 'Total' : `× ${maxUses} uses`}
              </th>
            </tr>
          </thead>
          <tbody className="text-zinc-700">
            {lines.map((line) => (
              <tr key={line.planName ?? 'fixed'}>
                <td className="py-0.5">{line.planName ?? 'Fixed amount'}</td>
                <td className="py-0.5 text-right whitespace-nowrap tabular-nums">{formatMoney(line.perUse, line.currency)}</td>
                <td className="py-0.5 text-right font-medium whitespace-nowrap tabular-nums">{line.total ? formatMoney(line.total, line.currency) : 'Unbounded'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unbounded && lines.length > 0 ? (
        <p role="note" className="mt-2 rounded border border-amber-200 bg-amber-50 px-2 py-1 text-amber-800">
          No usage limit: the total discount is unbounded.
        </p>
      ) : null}
    </section>
  );
}
