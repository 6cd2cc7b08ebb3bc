import type { Db } from '../../../lib/db';
import type { TFakeStripe } from '../../../lib/billing/providers/fakes/fake-stripe';
import type { TFakeXendit } from '../../../lib/billing/providers/fakes/fake-xendit';
import type { ApiClient } from './api-client';
import type { TSimFetch } from './keep-alive-fetch';
import type { TWebhookSecrets } from './provider-webhooks';

/**
 * What the simulated business runs against: the same scenario (tenants.ts, money.ts, usage.ts)
 * drives either a production server over HTTP with the test clock (`npm run simulate`,
 * environment.ts) or the route handlers in this process with this process's clock (the demo
 * seed, in-process-target.ts). Either way every record is made by the API, as a client makes it.
 */
export interface TSimulationTarget {
  /** The API's fetch: HTTP to the server, or the route handlers called in-process. */
  fetch: TSimFetch;
  origin: string;
  bearer: string;
  /** Read-only use: the invariants' SQL. */
  sql: Db;
  /** Moves "now" forward to `to`; true when the move is one the audit log records (the test clock's). */
  moveClock(api: ApiClient, to: Date): Promise<boolean>;
  /** The app's "now", where the simulated months start by default. */
  clockNow(api: ApiClient): Promise<Date>;
  /** For the payment webhooks the simulation sends as the providers. */
  secrets: TWebhookSecrets;
  /** The fake providers taking refunds; null where no provider may be called (the seed): refunds are then manual only. */
  providers: { xendit: TFakeXendit; stripe: TFakeStripe } | null;
  /** CPU time (ms) used so far by the server's process tree and by PostgreSQL's; absent in-process (one process does all). */
  cpuMs?(): { server: number; database: number };
}
