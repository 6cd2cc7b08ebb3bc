import { config } from '@/lib/config';
import { logger } from '@/lib/log';
import { reconcileRefunds } from './reconcile-refunds';

let timer: NodeJS.Timeout | undefined;

/**
 * The in-process reconciler (SPEC §12): every REFUND_RECONCILE_INTERVAL when set (off by default:
 * one scheduler calling POST /refunds/reconcile, or `npm run refunds:reconcile` from cron, is the
 * usual choice with several instances; several intervals at once are safe, each refund being taken
 * by one of them). Started by instrumentation.ts when the server starts.
 */
export function startRefundReconciler(): boolean {
  const every = config().REFUND_RECONCILE_INTERVAL;
  if (every <= 0 || timer) return false;
  timer = setInterval(() => {
    reconcileRefunds()
      .then((result) => {
        if (result.checked > 0) logger().info({ reconcile: result }, 'refund reconciler');
      })
      .catch((error: unknown) => logger().error({ err: error }, 'refund reconciler failed'));
  }, every);
  timer.unref();
  return true;
}
