import { config } from '@/lib/config';
import { logger } from '@/lib/log';
import { runBilling } from './run-billing';

const globalForInterval = globalThis as unknown as { billingIntervalStop?: () => void };

/**
 * The in-process billing run: every BILLING_RUN_INTERVAL (off by default), this process starts a
 * billing run, the next one an interval after the previous one ends (never two at once in one
 * process). Started once per server process by instrumentation.ts; several instances may each run
 * it, since overlapping runs split the work and issue every invoice once. A failed run is logged and
 * the next one tried on schedule. Returns a stop function; null when the interval is off.
 */
export function startBillingInterval(options: { intervalMs?: number | null } = {}): (() => void) | null {
  const intervalMs = options.intervalMs === undefined ? config().BILLING_RUN_INTERVAL : options.intervalMs;
  if (!intervalMs) return null;
  globalForInterval.billingIntervalStop?.();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const run = await runBilling({ trigger: 'interval', actor: 'system' });
      logger().info({ billingRunId: run.id, issued: run.issued, failed: run.failed }, 'scheduled billing run done');
    } catch (error) {
      logger().error({ err: error }, 'scheduled billing run failed');
    }
    if (!stopped) timer = setTimeout(tick, intervalMs).unref();
  };
  timer = setTimeout(tick, intervalMs).unref();
  logger().info({ intervalMs }, 'billing runs scheduled in this process (BILLING_RUN_INTERVAL)');
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  globalForInterval.billingIntervalStop = stop;
  return stop;
}
