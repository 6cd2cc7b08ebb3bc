import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { TBody, TD, TH, THead, TR, Table } from '@/components/ui/table';
import type { TOrganizationSummary } from '@/lib/billing/organizations/schemas';
import { subscriptionBadge } from './subscription-badge';

/** Customers with their current subscription, each linked to its customer page (the Customers page, a coupon's holders). */
export function CustomersTable({ rows, busy, label = 'Customers' }: { rows: TOrganizationSummary[]; busy?: boolean; label?: string }) {
  return (
    <Table aria-label={label} aria-busy={busy} className={busy ? 'opacity-60' : undefined}>
      <THead>
        <TR>
          <TH>Customer</TH>
          <TH>Plan</TH>
          <TH>Status</TH>
          <TH>Coupon</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((row) => {
          const badge = subscriptionBadge(row.subscription);
          return (
            <TR key={row.id}>
              <TD>
                <Link href={`/customers/${row.id}`} className="font-medium text-zinc-900 hover:underline">{row.name}</Link>
                <div className="text-xs text-zinc-500">{row.slug} · {row.billing_email}</div>
              </TD>
              <TD>{row.subscription ? `${row.subscription.plan_name} (${row.subscription.billing_cycle})` : '—'}</TD>
              <TD><Badge tone={badge.tone}>{badge.label}</Badge></TD>
              <TD>{row.subscription?.coupon_code ?? '—'}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
