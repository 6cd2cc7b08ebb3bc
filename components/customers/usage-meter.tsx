import type { TUsageSummary } from '@/lib/billing/usage/get-usage-summary';
import { formatMoney } from '@/lib/money-format';

const count = (n: number) => n.toLocaleString('en');
const day = (iso: string) => iso.slice(0, 10);

/**
 * Messages used vs included in the usage period still open (SPEC §11: what the next usage or
 * renewal invoice bills), a bar, and the overage projected at the rate so far
 * (getUsageSummary, lib/billing/usage/get-usage-summary.ts).
 */
export function UsageMeter({ usage }: { usage: TUsageSummary }) {
  const included = usage.messages_included;
  const share = included === null || included === 0 ? null : usage.messages_used / included;
  const tone = share === null ? 'bg-brand-600' : share > 1 ? 'bg-red-600' : share >= 0.8 ? 'bg-amber-500' : 'bg-brand-600';
  const projectedOver = usage.projected_overage_messages > 0;
  return (
    <section aria-label="Usage this period" className="mt-4 border-t border-zinc-100 pt-3 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">Messages this period</h3>
        <span className="text-zinc-500">{day(usage.period_start)} → {day(usage.period_end)}</span>
      </div>
      <p className="mt-1 tabular-nums" data-testid="usage-used">
        <span className="font-semibold">{count(usage.messages_used)}</span>
        {included === null ? ' used (unlimited)' : ` of ${count(included)} included`}
        {usage.overage_messages > 0 ? <span className="text-red-700">, {count(usage.overage_messages)} over</span> : null}
      </p>
      {share === null ? null : (
        <div
          role="progressbar" aria-label="Messages used of included" aria-valuemin={0} aria-valuemax={included!} aria-valuenow={Math.min(usage.messages_used, included!)}
          aria-valuetext={`${count(usage.messages_used)} of ${count(included!)} messages`}
          className="mt-2 h-2 w-full overflow-hidden rounded-full bg-zinc-100"
        >
          <div className={`h-full rounded-full ${tone}`} style={{ width: `${Math.min(100, Math.round(share * 100))}%` }} />
        </div>
      )}
      <p className="mt-2 text-zinc-600" data-testid="usage-projection">
        On pace for {count(usage.projected_messages)} messages
        {projectedOver
          ? <>: about {count(usage.projected_overage_messages)} over, <span className="font-medium text-zinc-900">{formatMoney(usage.projected_overage_amount, usage.currency)}</span> overage at {formatMoney(usage.overage_message_price, usage.currency)} a message (before PPN).</>
          : included === null ? '.' : ': no overage expected.'}
      </p>
    </section>
  );
}
