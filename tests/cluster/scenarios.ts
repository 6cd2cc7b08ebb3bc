import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { request, signIn, type TResponse } from './http';

export interface TCluster {
  balancer: string;
  /** The instances' own origins, for requests that must land on one in particular. */
  instances: [string, string];
  databaseUrl: string;
  /** A fresh super_admin API key secret per call, so each scenario has its own rate-limit budget. */
  newApiKey(): Promise<string>;
  superAdmin: { email: string; password: string };
  rateLimitPerMinute: number;
}

export type TScenarioResult = Record<string, number | string>;

const BASE = '/api/v1/admin/billing';

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function countStatuses(responses: TResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.status] = (counts[response.status] ?? 0) + 1;
  return counts;
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Opens each instance's connection pool before the bursts, as a rolling deploy's first requests
 * would: a cold instance opening ten connections at once on a saturated 2-core machine can exceed
 * the 3 s connect bound (lib/db/fail-fast-client.ts) and answer 503, which is that bound working,
 * not a cluster fault.
 */
export async function warmUp(cluster: TCluster): Promise<void> {
  const key = await cluster.newApiKey();
  for (const origin of cluster.instances) {
    const responses = await Promise.all(Array.from({ length: 12 }, () => request(origin, `${BASE}/plans`, { auth: key })));
    check(responses.every((response) => response.status === 200), `warm-up: ${origin} answered ${JSON.stringify(countStatuses(responses))}`);
  }
}

/**
 * 200 refunds of one invoice at once through the balancer: exactly as many succeed as fit, the
 * invoice's total is their sum. The invoice is one paid by manual payments only: the instances run
 * without provider keys or fakes, so a Xendit or Stripe payment's refund would fail at its provider.
 */
export async function parallelRefunds(cluster: TCluster, attempts = 200): Promise<TScenarioResult> {
  const [invoice] = await query<{ id: string; refundable: string }>(
    cluster.databaseUrl,
    `SELECT id, (amount_paid - amount_refunded)::text AS refundable FROM invoices
      WHERE currency = 'IDR' AND status IN ('paid', 'partially_refunded')
        AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = invoices.id AND p.provider <> 'manual')
      ORDER BY amount_paid - amount_refunded DESC LIMIT 1`,
  );
  check(invoice !== undefined, 'no paid IDR invoice to refund: is the database seeded?');
  const fits = Math.floor(attempts * 0.75);
  const amount = Math.floor(Number(invoice.refundable) / fits);
  check(amount >= 1, `invoice ${invoice.id} has too little left to refund`);
  const key = await cluster.newApiKey();
  const responses = await Promise.all(
    Array.from({ length: attempts }, (_, index) =>
      request(cluster.balancer, `${BASE}/invoices/${invoice.id}/refund`, { method: 'POST', auth: key, body: { amount, reason: `cluster refund ${index}` } }),
    ),
  );
  const statuses = countStatuses(responses);
  const created = statuses[201] ?? 0;
  // Past the last refund that fits: 422 while something is left, 409 once the invoice is fully refunded.
  const refusals: Record<number, string> = { 422: 'refund_exceeds_refundable', 409: 'invoice_not_refundable' };
  check(Object.keys(statuses).every((status) => status === '201' || status in refusals), `refunds: unexpected statuses ${JSON.stringify(statuses)}`);
  check(responses.every((response) => response.status === 201 || response.body?.code === refusals[response.status]), 'refunds: a refusal with another code');
  check(created === fits, `refunds: ${created} succeeded, expected exactly ${fits} (${amount} each of ${invoice.refundable})`);
  const [after] = await query<{ refunded_now: string; rows: string; sum: string; over: boolean }>(
    cluster.databaseUrl,
    `SELECT (i.amount_paid - i.amount_refunded)::text AS refunded_now, count(r.*)::text AS rows, coalesce(sum(r.amount), 0)::text AS sum,
            i.amount_refunded > i.amount_paid AS over
       FROM invoices i LEFT JOIN refunds r ON r.invoice_id = i.id AND r.status = 'succeeded' AND r.reason LIKE 'cluster refund %'
      WHERE i.id = $1 GROUP BY i.id`,
    [invoice.id],
  );
  check(Number(after!.rows) === fits && Number(after!.sum) === fits * amount, `refunds: the database has ${after!.rows} refunds summing ${after!.sum}, expected ${fits} × ${amount}`);
  check(Number(after!.refunded_now) === Number(invoice.refundable) - fits * amount && !after!.over, 'refunds: the invoice total does not match its refunds');
  return { attempts, succeeded: created, refused_422: statuses[422] ?? 0, refused_409_fully_refunded: statuses[409] ?? 0, amount_each: amount, refunded_total: fits * amount };
}

/**
 * 200 applications of one coupon with 150 uses, in parallel through the balancer, each to another
 * organization's subscription (POST /subscriptions/{id}/coupon, SPEC §10): exactly 150 succeed,
 * the rest are 409 coupon_not_applicable, and current_uses = holders = redemption rows = 150.
 * The 200 tenants are written straight to the database (their creation is not what is tested).
 */
export async function parallelCouponApplications(cluster: TCluster, attempts = 200, maxUses = 150): Promise<TScenarioResult> {
  const tag = Date.now().toString(36).toUpperCase();
  const code = `CLUSTER_${tag}`;
  const [coupon] = await query<{ id: string }>(
    cluster.databaseUrl,
    `INSERT INTO coupons (id, code, discount_type, discount_value, duration, max_uses, valid_from, updated_at)
     VALUES (gen_random_uuid(), $1, 'percentage', 10, 'once', $2, now() - interval '1 hour', now()) RETURNING id`,
    [code, maxUses],
  );
  const subscriptions = await query<{ id: string }>(
    cluster.databaseUrl,
    `WITH orgs AS (
       INSERT INTO organizations (id, name, slug, billing_email, country, updated_at)
       SELECT gen_random_uuid(), 'Cluster tenant ' || n, 'cluster-' || lower($1) || '-' || n, 'billing' || n || '@cluster.test', 'ID', now()
         FROM generate_series(1, $2::int) AS n
       RETURNING id)
     INSERT INTO subscriptions (id, organization_id, plan_id, billing_cycle, currency, agent_count, started_at, current_period_start, current_period_end, updated_at)
     SELECT gen_random_uuid(), orgs.id, p.id, 'monthly', 'IDR', 1, now(), now(), now() + interval '1 month', now()
       FROM orgs, plans p WHERE p.slug = 'starter'
     RETURNING id`,
    [tag, attempts],
  );
  check(subscriptions.length === attempts, `coupons: ${subscriptions.length} subscriptions set up, expected ${attempts}`);
  const key = await cluster.newApiKey();
  const responses = await Promise.all(
    subscriptions.map((subscription) => request(cluster.balancer, `${BASE}/subscriptions/${subscription.id}/coupon`, { method: 'POST', auth: key, body: { code } })),
  );
  const statuses = countStatuses(responses);
  const applied = statuses[200] ?? 0;
  const refused = responses.filter((response) => response.status === 409 && response.body?.code === 'coupon_not_applicable').length;
  const [stored] = await query<{ uses: number; rows: string; holders: string }>(
    cluster.databaseUrl,
    `SELECT c.current_uses AS uses, (SELECT count(*) FROM coupon_redemptions WHERE coupon_id = c.id)::text AS rows,
            (SELECT count(*) FROM subscriptions WHERE coupon_id = c.id)::text AS holders
       FROM coupons c WHERE c.id = $1`,
    [coupon!.id],
  );
  check(applied === maxUses && refused === attempts - maxUses, `coupons: ${applied} applied and ${refused} refused of ${attempts} (${JSON.stringify(statuses)}), expected ${maxUses} and ${attempts - maxUses}`);
  check(stored!.uses === maxUses && Number(stored!.rows) === maxUses && Number(stored!.holders) === maxUses, `coupons: current_uses ${stored!.uses}, ${stored!.rows} redemption rows, ${stored!.holders} holders; expected ${maxUses}`);
  return { attempts, applied, refused_exhausted: refused, current_uses: stored!.uses, holders: Number(stored!.holders) };
}

/**
 * One Idempotency-Key, sent to both instances: first 20 at once through the balancer — one execution,
 * the rest 409 in progress or its replay — then once more to each: both replay the same refund.
 */
export async function idempotencyAcrossInstances(cluster: TCluster): Promise<TScenarioResult> {
  const [invoice] = await query<{ id: string }>(
    cluster.databaseUrl,
    `SELECT id FROM invoices WHERE currency = 'IDR' AND status IN ('paid', 'partially_refunded') AND amount_paid - amount_refunded >= 10
        AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = invoices.id AND p.provider <> 'manual')
      ORDER BY amount_paid - amount_refunded DESC LIMIT 1`,
  );
  const key = await cluster.newApiKey();
  const idempotencyKey = `cluster-${randomUUID()}`;
  const send = (origin: string) =>
    request(origin, `${BASE}/invoices/${invoice!.id}/refund`, { method: 'POST', auth: key, body: { amount: 1, reason: 'cluster idempotent refund' }, headers: { 'Idempotency-Key': idempotencyKey } });
  // The burst through the balancer (round robin: both instances), the retries to each instance directly.
  const burst = await Promise.all(Array.from({ length: 20 }, () => send(cluster.balancer)));
  const statuses = countStatuses(burst);
  check(Object.keys(statuses).every((status) => status === '201' || status === '409'), `idempotency: unexpected statuses ${JSON.stringify(statuses)}`);
  check(burst.filter((response) => response.status === 409).every((response) => response.body?.code === 'idempotency_request_in_progress'), 'idempotency: a 409 of another kind');
  const replays = await Promise.all(cluster.instances.map((origin) => send(origin)));
  const ids = new Set([...burst, ...replays].filter((response) => response.status === 201).map((response) => response.body?.refund?.id));
  check(replays.every((response) => response.status === 201 && response.headers.get('idempotent-replayed') === 'true'), 'idempotency: a later retry on an instance was not a replay');
  check(ids.size === 1, `idempotency: ${ids.size} different refunds answered one key`);
  const [rows] = await query<{ count: string }>(cluster.databaseUrl, `SELECT count(*)::text AS count FROM refunds WHERE invoice_id = $1 AND reason = 'cluster idempotent refund'`, [invoice!.id]);
  check(rows!.count === '1', `idempotency: ${rows!.count} refunds executed for one key`);
  return { sent: burst.length + replays.length, executions: Number(rows!.count), first_burst_201: statuses[201] ?? 0, first_burst_409: statuses[409] ?? 0, replays_after: replays.length };
}

/** Signed in on instance A, the session works on instance B (shared NEXTAUTH_SECRET, stateless JWT). */
export async function sessionAcrossInstances(cluster: TCluster): Promise<TScenarioResult> {
  const [a, b] = cluster.instances;
  const cookie = await signIn(a, cluster.superAdmin.email, cluster.superAdmin.password);
  const api = await request(b, `${BASE}/plans`, { cookie });
  check(api.status === 200, `session: the API on B answered ${api.status} to A's session`);
  const page = await request(b, '/', { cookie });
  check(page.status === 200, `session: the console on B answered ${page.status} (a redirect to /login means the session was not accepted)`);
  const anonymous = await request(b, '/', {});
  check(anonymous.status === 307 || anonymous.status === 302, `session: B let an anonymous page request through (${anonymous.status})`);
  return { signed_in_on: a, used_on: b, api_status: api.status, page_status: page.status };
}

/** An API key created and revoked through instance A is refused by instance B on its very next request. */
export async function revocationAcrossInstances(cluster: TCluster): Promise<TScenarioResult> {
  const [a, b] = cluster.instances;
  const admin = await cluster.newApiKey();
  const created = await request(a, `${BASE}/api-keys`, { method: 'POST', auth: admin, body: { name: `cluster ${randomUUID().slice(0, 8)}`, role: 'super_admin' } });
  check(created.status === 201, `revocation: creating a key answered ${created.status}`);
  const secret = created.body.secret as string;
  const id = created.body.api_key.id as string;
  const before = await request(b, `${BASE}/plans`, { auth: secret });
  check(before.status === 200, `revocation: the new key was refused on B before its revocation (${before.status})`);
  const revoked = await request(a, `${BASE}/api-keys/${id}/revoke`, { method: 'POST', auth: admin });
  check(revoked.status === 200, `revocation: revoking answered ${revoked.status}`);
  const after = await request(b, `${BASE}/plans`, { auth: secret });
  check(after.status === 401, `revocation: B answered ${after.status} to the revoked key`);
  return { created_on: a, revoked_on: a, refused_on: b, status_before: before.status, status_after: after.status };
}

/** One key's requests alternate between the instances: together they get exactly the limit, the rest 429. */
export async function rateLimitAcrossInstances(cluster: TCluster): Promise<TScenarioResult> {
  const key = await cluster.newApiKey();
  const total = cluster.rateLimitPerMinute + 50;
  const responses: TResponse[] = [];
  // Ten at a time, alternating instances, well inside one minute window.
  for (let start = 0; start < total; start += 10) {
    const batch = Array.from({ length: Math.min(10, total - start) }, (_, offset) => request(cluster.instances[(start + offset) % 2]!, `${BASE}/plans`, { auth: key }));
    responses.push(...(await Promise.all(batch)));
  }
  const statuses = countStatuses(responses);
  check(statuses[200] === cluster.rateLimitPerMinute && statuses[429] === 50, `rate limit: ${JSON.stringify(statuses)}, expected ${cluster.rateLimitPerMinute} × 200 and 50 × 429 over both instances`);
  const byInstance = cluster.instances.map((_, index) => responses.filter((response, position) => position % 2 === index && response.status === 200).length);
  return { limit_per_minute: cluster.rateLimitPerMinute, sent: total, allowed: statuses[200]!, limited_429: statuses[429]!, allowed_on_a: byInstance[0]!, allowed_on_b: byInstance[1]! };
}
