import { EmptyState } from '@/components/ui/empty-state';
import { getAddonAttach } from '@/lib/billing/analytics/get-addon-attach';
import type { TAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { formatFigure } from './metric-change';

const COUNT = new Intl.NumberFormat('en-US');

/** Share of the subscriptions active at the end of the range that carry each add-on (GET /analytics/addons). */
export async function AddonAttachSection({ query }: { query: TAnalyticsQuery }) {
  const { currency, active_subscriptions: active, addons } = await getAddonAttach(query);
  if (active === 0) {
    return <EmptyState className="border-0" title="No active subscriptions" description={`No ${currency} subscription was active at the end of this range.`} />;
  }
  if (addons.length === 0) {
    return <EmptyState className="border-0" title="No add-ons yet" description="Add-ons created on the add-ons page will show their attach rate here." />;
  }

  return (
    <div className="-mx-5 overflow-x-auto px-5">
      <table className="w-full text-sm">
        <caption className="sr-only">Add-on attach rate of {COUNT.format(active)} active subscriptions</caption>
        <thead className="text-xs text-zinc-500">
          <tr className="border-b border-zinc-200">
            <th scope="col" className="py-2 pr-3 text-left font-medium">Add-on</th>
            <th scope="col" className="py-2 px-3 text-right font-medium">Subscriptions</th>
            <th scope="col" className="py-2 pl-3 text-right font-medium">Attach rate</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {addons.map((addon) => (
            <tr key={addon.addon_id}>
              <th scope="row" className="py-2.5 pr-3 text-left font-normal">
                <span className="font-medium text-zinc-900">{addon.name}</span>
                {addon.is_active ? null : <span className="ml-1.5 text-xs text-zinc-500">(inactive)</span>}
                <span aria-hidden="true" className="mt-1.5 block h-1.5 w-full overflow-hidden rounded-full bg-zinc-100">
                  <span className="block h-full rounded-full bg-brand-500" style={{ width: `${(addon.attach_rate ?? 0) * 100}%` }} />
                </span>
              </th>
              <td className="py-2.5 px-3 text-right whitespace-nowrap text-zinc-600 tabular-nums">
                {COUNT.format(addon.attached_subscriptions)} <span className="text-zinc-500">of {COUNT.format(active)}</span>
              </td>
              <td className="py-2.5 pl-3 text-right font-medium text-zinc-900 tabular-nums">{formatFigure(addon.attach_rate, 'rate', currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
