import type { Metadata } from 'next';
import { ProviderEventsTable } from '@/components/payments/provider-events-table';
import { StuckRefundsTable } from '@/components/payments/stuck-refunds-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { listStuckRefunds } from '@/lib/billing/refunds/list-stuck-refunds';
import { listProviderEvents } from '@/lib/billing/webhooks/list-provider-events';
import { config } from '@/lib/config';

export const metadata: Metadata = { title: 'Payments & refunds' };

/** Minutes as people say them: "10 min", "1 h", "1 h 30 min". */
function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes / 60} h`;
}

/** SPEC §12: provider events, unmatched events, and refunds stuck pending with "recheck now". */
export default async function PaymentsPage() {
  await requireSuperAdminPage();
  const [stuck, unmatched, recent] = await Promise.all([listStuckRefunds(), listProviderEvents({ state: 'unmatched', limit: 50 }), listProviderEvents({ limit: 50 })]);
  const recheck = duration(config().REFUND_PENDING_RECHECK);
  return (
    <>
      <PageHeader title="Payments & refunds" description="What Xendit and Stripe told us by webhook, what matched nothing of ours, and refunds still waiting for their provider." />
      <div className="grid grid-cols-1 gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Stuck refunds</CardTitle>
            <CardDescription>
              Pending longer than {recheck} (REFUND_PENDING_RECHECK). The reconciler asks their providers again; &ldquo;Recheck now&rdquo; asks at once. Their
              amount stays reserved until the provider gives a final answer.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {stuck.length === 0 ? <p className="text-sm text-zinc-500">No refund has been pending longer than {recheck}.</p> : <StuckRefundsTable refunds={stuck} />}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Unmatched events</CardTitle>
            <CardDescription>Webhooks about refunds or payments we have no record of: kept, never applied. Check them with the provider.</CardDescription>
          </CardHeader>
          <CardContent>
            {unmatched.length === 0 ? <p className="text-sm text-zinc-500">No unmatched events.</p> : <ProviderEventsTable events={unmatched} label="Unmatched events" />}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recent provider events</CardTitle>
            <CardDescription>The last 50 webhooks, newest first, and what each did.</CardDescription>
          </CardHeader>
          <CardContent>
            {recent.length === 0 ? <p className="text-sm text-zinc-500">No webhook received yet.</p> : <ProviderEventsTable events={recent} label="Recent provider events" />}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
