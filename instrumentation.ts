/**
 * Next.js calls register() once when a server process starts — `next start`, the standalone
 * server of the production image and `next dev` alike — which is why the in-process billing run
 * (BILLING_RUN_INTERVAL) and the refund reconciler (REFUND_RECONCILE_INTERVAL) start here and not
 * in scripts/start.ts (the local launcher, which production does not run). Node.js runtime only, in
 * the form Next documents (NEXT_RUNTIME is replaced at build time, so the Edge bundle never
 * includes the database code). Both are off unless their variable is set (README, Configuration).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startBillingInterval } = await import('./lib/billing/runs/start-billing-interval');
    startBillingInterval();
    const { startRefundReconciler } = await import('./lib/billing/refunds/reconciler-interval');
    startRefundReconciler();
  }
}
