import { db } from '@/lib/db';

/**
 * Brings paid_invoice_daily_totals up to date (the database function of that name, in migration
 * 20261125170703_paid_invoice_daily_totals): sums the days completed since the last refresh and
 * the days marked dirty since, or does nothing, cheaply, when there are none. On the writable pool
 * (the analytics pool is read-only), alone in its transaction: one round trip. Readers are exact
 * without it; it only keeps the live part of their reads short.
 */
export async function refreshPaidInvoiceDailyTotals(): Promise<void> {
  await db().$queryRaw`SELECT refresh_paid_invoice_daily_totals()::text AS complete_before`;
}
