/**
 * Next.js calls register() once when a server process starts — `next start`, the standalone
 * server of the production image and `next dev` alike — which is why the in-process billing run
 * starts here and not in scripts/start.ts (the local launcher, which production does not run).
 * Node.js runtime only: the Edge runtime has no database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBillingInterval } = await import('./lib/billing/runs/start-billing-interval');
  startBillingInterval();
}
