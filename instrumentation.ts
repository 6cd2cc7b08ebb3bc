/** Next.js calls register() once when a server instance starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Off unless REFUND_RECONCILE_INTERVAL is set (README, Configuration).
  const { startRefundReconciler } = await import('./lib/billing/refunds/reconciler-interval');
  startRefundReconciler();
}
