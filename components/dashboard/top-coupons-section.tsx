import { EmptyState } from '@/components/ui/empty-state';
import { getCouponBreakdown } from '@/lib/billing/analytics/get-coupon-breakdown';
import type { TAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { decimalFromJsonNumber, formatMoney } from '@/lib/money';
import { InfoTip } from './info-tip';

/** Enough to see which coupons matter; the coupons page has them all. */
export const TOP_COUPONS = 8;

const COUNT = new Intl.NumberFormat('en-US');

/** The most redeemed coupons in the range, with the discounts they granted (GET /analytics/coupons). */
export async function TopCouponsSection({ query }: { query: TAnalyticsQuery }) {
  const { currency, coupons } = await getCouponBreakdown(query);
  if (coupons.length === 0) {
    return <EmptyState className="border-0" title="No coupons used in this range" description={`No coupon was redeemed on a ${currency} invoice, or discounted one that was paid.`} />;
  }
  const money = (amount: number) => formatMoney(decimalFromJsonNumber(amount), currency);
  const most = Math.max(...coupons.map((coupon) => coupon.redemptions), 1);
  const shown = coupons.slice(0, TOP_COUPONS);

  return (
    <>
      <div className="-mx-5 overflow-x-auto px-5 sm:overflow-visible">
        <table className="w-full text-sm">
          <caption className="sr-only">Top coupons by redemptions</caption>
          <thead className="text-xs text-zinc-500">
            <tr className="border-b border-zinc-200">
              <th scope="col" className="py-2 pr-3 text-left font-medium">Coupon</th>
              <th scope="col" className="py-2 px-3 text-left font-medium">Redemptions</th>
              <th scope="col" className="py-2 px-3 text-right font-medium">
                <HeaderWithTip label="Granted" tip="The discounts of the redemptions in the range, whether their invoices are paid or not." />
              </th>
              <th scope="col" className="py-2 pl-3 text-right font-medium">
                <HeaderWithTip label="On paid invoices" tip="The discounts on invoices paid in the range. These rows add up to the Discounts figure." />
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {shown.map((coupon) => (
              <tr key={coupon.coupon_id}>
                <th scope="row" className="py-2.5 pr-3 text-left font-normal">
                  <span className="font-mono text-[0.8125rem] font-medium text-zinc-900">{coupon.code}</span>
                  <span className="mt-0.5 block text-xs text-zinc-500">
                    {coupon.discount_type === 'percentage' ? `${coupon.discount_value}% off` : `${money(coupon.discount_value)} off`} · {coupon.duration}
                  </span>
                </th>
                <td className="py-2.5 px-3">
                  <span className="flex items-center gap-2">
                    <span className="w-8 text-right font-medium text-zinc-900 tabular-nums">{COUNT.format(coupon.redemptions)}</span>
                    <span aria-hidden="true" className="h-1.5 w-24 overflow-hidden rounded-full bg-zinc-100">
                      <span className="block h-full rounded-full bg-brand-500" style={{ width: `${(coupon.redemptions / most) * 100}%` }} />
                    </span>
                  </span>
                </td>
                <td className="py-2.5 px-3 text-right text-zinc-700 tabular-nums">{money(coupon.redeemed_amount)}</td>
                <td className="py-2.5 pl-3 text-right text-zinc-700 tabular-nums">{money(coupon.paid_discounts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {coupons.length > TOP_COUPONS ? (
        <p className="mt-3 text-xs text-zinc-500">
          The {TOP_COUPONS} most redeemed of {coupons.length} coupons used in the range.
        </p>
      ) : null}
    </>
  );
}

function HeaderWithTip({ label, tip }: { label: string; tip: string }) {
  return (
    <span className="inline-flex items-center justify-end gap-1">
      {label}
      <InfoTip label={`About ${label}`}>{tip}</InfoTip>
    </span>
  );
}
