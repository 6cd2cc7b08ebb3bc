import pg from 'pg';
import { redeemCoupon } from '../../lib/billing/coupons/redeem-coupon';
import { createClient } from '../../lib/db';
import { BillingError } from '../../lib/errors';

export interface TCouponContention {
  concurrent: number;
  maxUses: number;
  poolSize: number;
  seconds: number;
  perSecond: number;
  redeemed: number;
  /** Failures by error code (all should be coupon_not_applicable: the coupon ran out). */
  failures: Record<string, number>;
  currentUses: number;
  redemptionRows: number;
  holds: boolean;
}

/**
 * `concurrent` redemptions of one coupon with fewer uses than that, each in its own transaction,
 * all started at once in-process (redeemCoupon is a service function, not an endpoint), through
 * a Prisma client with the app's default pool of 10. Exactly max_uses may win, and current_uses
 * must equal the number of redemption rows.
 */
export async function runCouponContention(databaseUrl: string, concurrent: number, maxUses: number): Promise<TCouponContention> {
  const { couponId, planId, organizationIds } = await createCoupon(databaseUrl, maxUses, concurrent);
  const poolSize = 10;
  const prisma = createClient(databaseUrl, poolSize);
  try {
    const startedAt = performance.now();
    const outcomes = await Promise.allSettled(
      // One organization each: an organization redeems a coupon once, ever (SPEC §10).
      organizationIds.map((organizationId) =>
        prisma.$transaction((tx) => redeemCoupon(tx, { couponId, planId, currency: 'IDR', at: new Date(), organizationId })),
      ),
    );
    const seconds = (performance.now() - startedAt) / 1000;
    const failures: Record<string, number> = {};
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') continue;
      const code = outcome.reason instanceof BillingError ? outcome.reason.code : String(outcome.reason);
      failures[code] = (failures[code] ?? 0) + 1;
    }
    const redeemed = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    const stored = await readCoupon(databaseUrl, couponId);
    const expected = Math.min(concurrent, maxUses);
    return {
      concurrent,
      maxUses,
      poolSize,
      seconds: Math.round(seconds * 100) / 100,
      perSecond: Math.round((concurrent / seconds) * 10) / 10,
      redeemed,
      failures,
      ...stored,
      holds:
        redeemed === expected &&
        stored.currentUses === expected &&
        stored.redemptionRows === expected &&
        Object.keys(failures).every((code) => code === 'coupon_not_applicable'),
    };
  } finally {
    await prisma.$disconnect();
  }
}

async function createCoupon(databaseUrl: string, maxUses: number, organizations: number): Promise<{ couponId: string; planId: string; organizationIds: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const code = `BENCH_${Date.now().toString(36).toUpperCase()}`;
    const coupon = await client.query<{ id: string }>(
      `INSERT INTO coupons (id, code, discount_type, discount_value, duration, max_uses, valid_from, updated_at)
       VALUES (gen_random_uuid(), $1, 'percentage', 10, 'once', $2, now() - interval '1 hour', now()) RETURNING id`,
      [code, maxUses],
    );
    const plan = await client.query<{ id: string }>(`SELECT id FROM plans WHERE slug = 'starter'`);
    if (!plan.rows[0]) throw new Error('no starter plan: is the database seeded?');
    const created = await client.query<{ id: string }>(
      `INSERT INTO organizations (id, name, slug, billing_email, country, updated_at)
       SELECT gen_random_uuid(), 'Bench tenant ' || n, lower($1) || '-' || n, 'billing@bench.test', 'ID', now() FROM generate_series(1, $2::int) n RETURNING id`,
      [code.replace('_', '-'), organizations],
    );
    return { couponId: coupon.rows[0]!.id, planId: plan.rows[0].id, organizationIds: created.rows.map((row) => row.id) };
  } finally {
    await client.end();
  }
}

async function readCoupon(databaseUrl: string, couponId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ current_uses: number; redemptions: string }>(
      `SELECT current_uses, (SELECT count(*) FROM coupon_redemptions WHERE coupon_id = c.id)::text AS redemptions FROM coupons c WHERE c.id = $1`,
      [couponId],
    );
    return { currentUses: rows[0]!.current_uses, redemptionRows: Number(rows[0]!.redemptions) };
  } finally {
    await client.end();
  }
}
