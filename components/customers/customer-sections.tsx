import Link from 'next/link';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-status-badge';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import type { TAuditEntry } from '@/lib/audit/schemas';
import type { TInvoice } from '@/lib/billing/invoices/schemas';
import type { TOrganizationDetail } from '@/lib/billing/organizations/schemas';
import type { TSubscription } from '@/lib/billing/subscriptions/schemas';
import type { TUsageSummary } from '@/lib/billing/usage/get-usage-summary';
import { formatMoney } from '@/lib/money-format';
import { cancelPendingChangeAction, reactivateSubscriptionAction } from '@/lib/actions/subscriptions';
import { ActionButton } from './action-button';
import { subscriptionBadge } from './subscription-badge';
import { UsageMeter } from './usage-meter';

const day = (iso: string) => iso.slice(0, 10);

/** Name, status, MRR and what is owed. */
export function CustomerHeader({ customer }: { customer: TOrganizationDetail }) {
  const badge = subscriptionBadge(customer.subscription);
  const currency = customer.currency ?? 'IDR';
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-zinc-900">{customer.name}</h1>
        <p className="text-sm text-zinc-500">{customer.slug} · {customer.billing_email} · {customer.country}{customer.tax_id ? ` · NPWP ${customer.tax_id}` : ''}</p>
      </div>
      <dl className="flex gap-6 text-sm">
        <div><dt className="text-zinc-500">Status</dt><dd><Badge tone={badge.tone}>{badge.label}</Badge></dd></div>
        <div><dt className="text-zinc-500">MRR</dt><dd className="font-semibold tabular-nums" data-testid="customer-mrr">{formatMoney(customer.mrr, currency)}</dd></div>
        <div><dt className="text-zinc-500">Outstanding</dt><dd className="tabular-nums">{formatMoney(customer.outstanding_amount, currency)}</dd></div>
      </dl>
    </div>
  );
}

/** A scheduled change or cancellation, each with its undo. */
export function SubscriptionBanners({ subscription, planNames }: { subscription: TSubscription; planNames: Record<string, string> }) {
  const change = subscription.pending_change;
  return (
    <>
      {change ? (
        <div role="note" aria-label="Scheduled change" className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">
          <span>
            Scheduled for {day(change.effective_at)}: {planNames[change.plan_id] ?? 'another plan'} ({change.billing_cycle}), {change.agent_count} agents
            {change.removes_coupon ? '; the coupon will be removed' : ''}.
          </span>
          <ActionButton size="sm" action={cancelPendingChangeAction.bind(null, subscription.id)} label="Undo scheduled change" success="Scheduled change cancelled." />
        </div>
      ) : null}
      {subscription.cancel_at_period_end ? (
        <div role="note" aria-label="Scheduled cancellation" className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <span>Ends on {day(subscription.current_period_end)}: it will not renew.</span>
          <ActionButton size="sm" action={reactivateSubscriptionAction.bind(null, subscription.id)} label="Reactivate" success="Reactivated: it renews as before." />
        </div>
      ) : null}
    </>
  );
}

/** Plan, cycle, agents, add-ons, coupon with cycles left, period, the next invoice's estimate and (while it runs) the messages used this period. */
export function SubscriptionCard({ subscription, addonNames, nextInvoice, usage }: { subscription: TSubscription; addonNames: Record<string, string>; nextInvoice: string | null; usage: TUsageSummary | null }) {
  const rows: [string, string][] = [
    ['Plan', `${subscription.plan_name} (${subscription.billing_cycle})`],
    ['Agents', String(subscription.agent_count)],
    ['Add-ons', subscription.addons.map((item) => `${addonNames[item.addon_id] ?? item.addon_id} × ${item.quantity}`).join(', ') || '—'],
    ['Coupon', subscription.coupon ? `${subscription.coupon.code} (${subscription.coupon.cycles_left === null ? 'forever' : `${subscription.coupon.cycles_left} cycles left`})` : '—'],
    ['Current period', `${day(subscription.current_period_start)} → ${day(subscription.current_period_end)}`],
    ['Next invoice (estimate, with PPN)', nextInvoice ?? '—'],
  ];
  return (
    <Card className="mb-6">
      <CardHeader><CardTitle>Subscription</CardTitle></CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {rows.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 border-b border-zinc-100 py-1"><dt className="text-zinc-500">{label}</dt><dd className="text-right">{value}</dd></div>
          ))}
        </dl>
        {usage ? <UsageMeter usage={usage} /> : null}
      </CardContent>
    </Card>
  );
}

export function CustomerInvoices({ invoices, organizationId }: { invoices: TInvoice[]; organizationId: string }) {
  return (
    <Card className="mb-6">
      <CardHeader className="flex items-center justify-between">
        <CardTitle>Invoices</CardTitle>
        <Link href={`/invoices?organization_id=${organizationId}`} className="text-sm text-brand-700 hover:underline">All invoices and refunds</Link>
      </CardHeader>
      <CardContent>
        {invoices.length === 0 ? <p className="text-sm text-zinc-500">No invoices yet.</p> : (
          <table className="w-full text-sm">
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id} className="border-b border-zinc-100">
                  <td className="py-1.5"><Link href={`/invoices/${invoice.id}`} className="font-medium hover:underline">{invoice.number}</Link></td>
                  <td className="py-1.5 text-zinc-500">{day(invoice.period_start)} → {day(invoice.period_end)}</td>
                  <td className="py-1.5"><InvoiceStatusBadge status={invoice.status} /></td>
                  <td className="py-1.5 text-right tabular-nums">{formatMoney(invoice.total, invoice.currency)}</td>
                  <td className="py-1.5 text-right tabular-nums text-zinc-500">{invoice.amount_refunded ? `refunded ${formatMoney(invoice.amount_refunded, invoice.currency)}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}

export function CustomerTimeline({ entries }: { entries: TAuditEntry[] }) {
  return (
    <Card>
      <CardHeader><CardTitle>Timeline</CardTitle></CardHeader>
      <CardContent>
        {entries.length === 0 ? <p className="text-sm text-zinc-500">Nothing recorded yet.</p> : (
          <ol className="space-y-1.5 text-sm">
            {entries.map((entry) => (
              <li key={entry.id} className="flex gap-3"><span className="w-40 shrink-0 text-zinc-500 tabular-nums">{entry.created_at.slice(0, 16).replace('T', ' ')}</span><span className="font-medium">{entry.action}</span><span className="text-zinc-500">{entry.actor_label}</span></li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

/** What a section of the customer page shows while its rows stream in: its title and three grey lines. */
export function SectionSkeleton({ title }: { title: string }) {
  return (
    <Card className="mb-6" aria-busy="true">
      <CardHeader><CardTitle>{title}</CardTitle></CardHeader>
      <CardContent className="space-y-2">
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-5/6" />
        <Skeleton className="h-4 w-2/3" />
      </CardContent>
    </Card>
  );
}
