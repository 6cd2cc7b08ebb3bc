import { randomBytes } from 'node:crypto';
import { createApiKey } from '../../../lib/auth/api-keys/create-api-key';
import { revokeApiKey } from '../../../lib/auth/api-keys/revoke-api-key';
import { endSimulatedClock, now, simulateClockAt } from '../../../lib/clock';
import { overrideConfig } from '../../../lib/config';
import type { Db } from '../../../lib/db';
import { BILLING_ROUTES, WEBHOOK_ROUTES, inProcessFetch } from '../in-process/in-process-fetch';
import type { TSimulationTarget } from './target';

const ORIGIN = 'http://in-process.invalid';

/**
 * The simulation without a server: requests go to the route handlers in this process (the
 * billing API and the providers' webhook routes, through every check a request meets: key,
 * validation, idempotency, audit), and "now" is this process's clock (lib/clock.ts
 * simulateClockAt), which may start in the past — nothing about the clock is stored, and `close`
 * gives the real clock back. Made for the demo seed (prisma/seed.ts): its history ends now.
 *
 * For as long as it is open, this process's own API driver: a super_admin API key made for it
 * (revoked on close), no per-minute limit on its own requests, and webhook secrets of its own for
 * the payments it sends as the providers. No provider is called: refunds are manual only.
 * `db()` (lib/db.ts) must be the database `sql` reads: DATABASE_URL.
 */
export async function openInProcessTarget(sql: Db): Promise<TSimulationTarget & { close(): Promise<void> }> {
  const xenditToken = randomBytes(24).toString('hex');
  const stripeSecret = `whsec_${randomBytes(24).toString('hex')}`;
  // One request log line per request would be thousands of lines: warnings only, unless LOG_LEVEL says (lib/log.ts reads it once).
  process.env.LOG_LEVEL ??= 'warn';
  const restoreConfig = overrideConfig({ RATE_LIMIT_PER_MINUTE: 0, WEBHOOK_RATE_LIMIT_PER_MINUTE: 0, XENDIT_CALLBACK_TOKEN: xenditToken, STRIPE_WEBHOOK_SECRET: stripeSecret });
  try {
    const key = await createApiKey({ name: 'demo seed', role: 'super_admin' }, 'system');
    const fetch = await inProcessFetch([BILLING_ROUTES, WEBHOOK_ROUTES]);
    return {
      fetch, origin: ORIGIN, bearer: key.secret, sql,
      moveClock: async (_api, to) => {
        simulateClockAt(to);
        return false;
      },
      clockNow: async () => now(),
      secrets: { origin: ORIGIN, xenditToken, stripeSecret, fetch },
      providers: null,
      close: async () => {
        endSimulatedClock();
        try {
          await revokeApiKey(key.api_key.id, 'system');
        } finally {
          restoreConfig();
        }
      },
    };
  } catch (error) {
    restoreConfig();
    throw error;
  }
}
