import { z } from 'zod';

export const BILLING_RUN_STATUSES = ['running', 'succeeded', 'failed', 'abandoned'] as const;
export const BILLING_RUN_TRIGGERS = ['cli', 'api', 'interval'] as const;

export const ZBillingRunFailure = z.strictObject({
  subscription_id: z.uuid(),
  /** A stable code: a BillingError's (e.g. period_already_invoiced), invalid_billing_data or billing_failed. */
  code: z.string(),
  reason: z.string(),
});

/**
 * One billing run. `issued`: invoices written (renewals and usage invoices); `renewed`/`ended`:
 * subscriptions moved into a new period or ended at period end; `skipped`: subscriptions another run
 * took first; `failed`: subscriptions left unbilled, with their reasons in `failures` (the first 100).
 * `running` while its process renews `heartbeat_at` (with every batch, and every 10 s); `abandoned`
 * when that process stopped without finishing (killed, crashed: no heartbeat for 60 s,
 * run-lease.ts): its counts are what it committed, `finished_at` its last heartbeat once a later
 * run has recorded it, and the next run bills what it left.
 */
export const ZBillingRun = z.strictObject({
  id: z.uuid(),
  trigger: z.enum(BILLING_RUN_TRIGGERS),
  status: z.enum(BILLING_RUN_STATUSES),
  as_of: z.iso.datetime(),
  started_at: z.iso.datetime(),
  finished_at: z.iso.datetime().nullable(),
  /** The last time its process said it was alive (its finish, once finished). */
  heartbeat_at: z.iso.datetime(),
  started_by: z.string(),
  issued: z.number().int().min(0),
  renewed: z.number().int().min(0),
  ended: z.number().int().min(0),
  skipped: z.number().int().min(0),
  failed: z.number().int().min(0),
  failures: z.array(ZBillingRunFailure),
});

export const ZBillingRunPage = z.strictObject({ data: z.array(ZBillingRun), has_more: z.boolean(), next_cursor: z.uuid().nullable() });

const LIMIT_MESSAGE = 'Must be a whole number from 1 to 100.';

/** GET /billing-runs: newest first, keyset pages (SPEC §3.2a). */
export const ZBillingRunListQuery = z.strictObject({
  limit: z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, 'At least 1.').max(100, 'At most 100.').default(25).meta({ description: 'Runs per page, 1–100. Default: 25.' }),
  starting_after: z.uuid({ error: 'Must be a billing run id from a previous page (next_cursor).' }).optional().meta({ description: "The previous page's `next_cursor`: the page after that run. Default: the first page." }),
});

export type TBillingRun = z.infer<typeof ZBillingRun>;
export type TBillingRunPage = z.infer<typeof ZBillingRunPage>;
export type TBillingRunListQuery = z.output<typeof ZBillingRunListQuery>;
