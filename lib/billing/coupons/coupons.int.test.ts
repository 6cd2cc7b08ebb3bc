import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v1/admin/billing/coupons/route';
import * as member from '@/app/api/v1/admin/billing/coupons/[id]/route';
import { db } from '@/lib/db';
import { BillingError } from '@/lib/errors';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { redeemCoupon, type TRedeemCouponInput } from './redeem-coupon';
import { ZCoupon } from './schemas';
import { itHonoursIdempotencyKeyOnCreate } from '@/tests/integration/idempotent-create-cases';

let api: ReturnType<typeof apiAs>;
let planId: string;
let otherPlanId: string;
const run = Math.random().toString(36).slice(2, 6).toUpperCase();
let counter = 0;
const nextCode = () => `C${run}${++counter}`;
const couponBody = (overrides: Record<string, unknown> = {}) => ({ code: nextCode(), discount_type: 'percentage', discount_value: 20, ...overrides });
const create = (body: unknown, headers: Record<string, string> = {}) => api(collection.POST, { method: 'POST', body, headers });
const patch = (id: string, body: unknown, method = 'PATCH') => api(member.PATCH, { method, params: { id }, body });
const fieldErrors = (result: { body: { errors?: { path: string }[] } }) => result.body.errors?.map((error) => error.path) ?? [];
let organizations = 0;
/** A fresh tenant: an organization redeems a coupon once, ever. */
const newOrganization = async () => {
  const slug = `coupon-tenant-${run.toLowerCase()}-${++organizations}`;
  return (await db().organization.create({ data: { name: slug, slug, billingEmail: `b@${slug}.test`, country: 'ID' } })).id;
};
const redeem = async (couponId: string, overrides: Partial<TRedeemCouponInput> = {}) => {
  const organizationId = overrides.organizationId ?? (await newOrganization());
  return db().$transaction((tx) => redeemCoupon(tx, { couponId, planId, currency: 'IDR', at: new Date(), organizationId, ...overrides }));
};

async function makePlan(slug: string): Promise<string> {
  const plan = await db().plan.create({
    data: {
      name: slug, slug, currency: 'IDR', basePriceMonthly: '299000', basePriceAnnual: '2990000', perAgentPrice: '0', overageMessagePrice: '0',
      limits: { max_agents: 1, max_contacts: 1, max_messages_month: 1, max_channels: 1, max_ai_agents: 1 }, features: { ai_agent: false, api_access: false, dedicated_support: false },
    },
  });
  return plan.id;
}

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  planId = await makePlan('starter-coupons');
  otherPlanId = await makePlan('pro-coupons');
});

describe('POST /coupons', () => {
  it('applies the defaults: valid_from now, duration once, active, unused, no currency for a percentage', async () => {
    const startedAt = Date.now();
    const result = await create(couponBody());
    expect(result.status).toBe(201);
    const coupon = ZCoupon.parse(result.body);
    expect(coupon).toMatchObject({ duration: 'once', duration_in_cycles: null, currency: null, is_active: true, current_uses: 0, max_uses: null, valid_until: null, applicable_plans: [], status: 'active' });
    expect(Math.abs(Date.parse(coupon.valid_from) - startedAt)).toBeLessThan(5_000);
  });

  it('a fixed coupon defaults to IDR', async () => {
    const result = await create(couponBody({ discount_type: 'fixed', discount_value: 100000 }));
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ currency: 'IDR', discount_value: 100000 });
  });

  it('a percentage of 0 or 101 is rejected and 100 is accepted', async () => {
    for (const value of [0, 101]) {
      const result = await create(couponBody({ discount_value: value }));
      expect(result.status).toBe(400);
      expect(fieldErrors(result)).toEqual(['discount_value']);
    }
    expect((await create(couponBody({ discount_value: 100 }))).status).toBe(201);
  });

  it('a percentage of 12.5 is accepted and 12.345 rejected (at most 2 decimals)', async () => {
    const ok = await create(couponBody({ discount_value: 12.5 }));
    expect(ok.status).toBe(201);
    expect(ok.body.discount_value).toBe(12.5);
    const bad = await create(couponBody({ discount_value: 12.345 }));
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad)).toEqual(['discount_value']);
  });

  it('a fixed IDR amount with decimals is rejected; USD cents are accepted', async () => {
    const idr = await create(couponBody({ discount_type: 'fixed', discount_value: 100000.5 }));
    expect(idr.status).toBe(400);
    expect(fieldErrors(idr)).toEqual(['discount_value']);
    const usd = await create(couponBody({ discount_type: 'fixed', discount_value: 9.99, currency: 'USD' }));
    expect(usd.status).toBe(201);
    expect(usd.body).toMatchObject({ currency: 'USD', discount_value: 9.99 });
  });

  it('a fixed amount of 0 or less is rejected', async () => {
    expect(fieldErrors(await create(couponBody({ discount_type: 'fixed', discount_value: 0 })))).toEqual(['discount_value']);
    expect(fieldErrors(await create(couponBody({ discount_type: 'fixed', discount_value: -5 })))).toEqual(['discount_value']);
  });

  it('a percentage coupon sent with a currency is 400', async () => {
    const result = await create(couponBody({ currency: 'IDR' }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(['currency']);
    expect((await create(couponBody({ currency: null }))).status).toBe(201);
  });

  it('repeating needs duration_in_cycles ≥ 1, and only repeating may have it', async () => {
    expect(fieldErrors(await create(couponBody({ duration: 'repeating' })))).toEqual(['duration_in_cycles']);
    expect(fieldErrors(await create(couponBody({ duration: 'repeating', duration_in_cycles: 0 })))).toEqual(['duration_in_cycles']);
    expect(fieldErrors(await create(couponBody({ duration: 'forever', duration_in_cycles: 3 })))).toEqual(['duration_in_cycles']);
    const ok = await create(couponBody({ duration: 'repeating', duration_in_cycles: 3 }));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ duration: 'repeating', duration_in_cycles: 3 });
  });

  it('rejects unknown body fields (no mass assignment)', async () => {
    const result = await create(couponBody({ current_uses: 5, is_active: false, id: crypto.randomUUID() }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(expect.arrayContaining(['current_uses', 'is_active', 'id']));
  });

  it('codes are unique ignoring case: "SUMMER…" then "summer…" is 409 code_taken on the code field', async () => {
    const code = `SUMMER${run}`;
    expect((await create(couponBody({ code }))).status).toBe(201);
    const again = await create(couponBody({ code: code.toLowerCase() }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('code_taken');
    expect(fieldErrors(again)).toEqual(['code']);
  });

  it('the code is stored uppercase', async () => {
    const result = await create(couponBody({ code: `spring_sale-${run.toLowerCase()}` }));
    expect(result.body.code).toBe(`SPRING_SALE-${run}`);
    expect((await db().coupon.findUnique({ where: { id: result.body.id } }))?.code).toBe(`SPRING_SALE-${run}`);
  });

  it.each(['AB', 'A'.repeat(33), 'SUMMER SALE', 'SALE!', 'PROMO%20', 'ÉTÉ2026', ''])('rejects the code %j', async (code) => {
    const result = await create(couponBody({ code }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(['code']);
  });

  it('valid_until before (or at) valid_from is 400', async () => {
    const before = await create(couponBody({ valid_from: '2026-06-01T00:00:00Z', valid_until: '2026-05-01T00:00:00Z' }));
    expect(before.status).toBe(400);
    expect(fieldErrors(before)).toEqual(['valid_until']);
    expect((await create(couponBody({ valid_from: '2026-06-01T00:00:00Z', valid_until: '2026-06-01T00:00:00Z' }))).status).toBe(400);
  });

  it('valid_until in the past is 400 when valid_from defaults to now', async () => {
    const result = await create(couponBody({ valid_until: '2020-01-01T00:00:00Z' }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(['valid_until']);
  });

  it('applicable_plans naming a missing plan is 400 on applicable_plans, naming it', async () => {
    const missing = crypto.randomUUID();
    const result = await create(couponBody({ applicable_plans: [planId, missing] }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(['applicable_plans']);
    expect(result.body.errors[0].message).toContain(missing);
  });

  it('applicable_plans with a non-UUID is 400', async () => {
    const result = await create(couponBody({ applicable_plans: ['pro'] }));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(['applicable_plans.0']);
  });

  it('applicable_plans of existing plans are kept (deduplicated); null and [] mean every plan', async () => {
    expect((await create(couponBody({ applicable_plans: [planId, planId.toUpperCase(), otherPlanId] }))).body.applicable_plans).toEqual([planId, otherPlanId]);
    expect((await create(couponBody({ applicable_plans: null }))).body.applicable_plans).toEqual([]);
    expect((await create(couponBody({ applicable_plans: [] }))).body.applicable_plans).toEqual([]);
  });

  it('max_uses must be at least 1 when set', async () => {
    expect(fieldErrors(await create(couponBody({ max_uses: 0 })))).toEqual(['max_uses']);
    expect((await create(couponBody({ max_uses: 1 }))).body.max_uses).toBe(1);
  });

  it('writes the creation to the audit log with the acting key', async () => {
    const result = await create(couponBody());
    const entry = await db().auditLogEntry.findFirst({ where: { entityId: result.body.id } });
    expect(entry).toMatchObject({ action: 'coupon.created', entityType: 'coupon', actorType: 'api_key', before: null });
    expect(entry?.after).toMatchObject({ code: result.body.code, discount_value: 20 });
  });
});

describe('GET /coupons', () => {
  it('lists every coupon newest first, each with its derived status', async () => {
    const active = (await create(couponBody())).body;
    const scheduled = (await create(couponBody({ valid_from: '2099-01-01T00:00:00Z' }))).body;
    const expired = (await create(couponBody({ valid_from: '2020-01-01T00:00:00Z', valid_until: '2020-02-01T00:00:00Z' }))).body;
    const exhausted = (await create(couponBody({ max_uses: 1 }))).body;
    await redeem(exhausted.id);
    const inactive = (await create(couponBody({ valid_from: '2020-01-01T00:00:00Z', valid_until: '2020-02-01T00:00:00Z' }))).body;
    await patch(inactive.id, { is_active: false });

    const list = await api(collection.GET);
    expect(list.status).toBe(200);
    for (const coupon of list.body) ZCoupon.parse(coupon);
    const created = list.body.map((coupon: { created_at: string }) => coupon.created_at);
    expect(created).toEqual([...created].sort().reverse());
    const ours = [inactive, exhausted, expired, scheduled, active].map((coupon) => list.body.find((row: { id: string }) => row.id === coupon.id));
    expect(ours.map((coupon) => coupon.status)).toEqual(['inactive', 'exhausted', 'expired', 'scheduled', 'active']);
    const ids = list.body.map((coupon: { id: string }) => coupon.id);
    expect(ids.indexOf(inactive.id)).toBeLessThan(ids.indexOf(active.id));
  });
});

describe('GET/PATCH/PUT /coupons/{id}', () => {
  it('an unknown id is 404 and a non-UUID id is 404, never 500', async () => {
    expect((await api(member.GET, { params: { id: crypto.randomUUID() } })).status).toBe(404);
    expect((await api(member.GET, { params: { id: 'not-a-uuid' } })).status).toBe(404);
    expect((await patch(crypto.randomUUID(), { is_active: false })).status).toBe(404);
    expect((await patch('not-a-uuid', { is_active: false })).status).toBe(404);
  });

  it('GET returns the coupon', async () => {
    const coupon = (await create(couponBody())).body;
    const result = await api(member.GET, { params: { id: coupon.id } });
    expect(result.status).toBe(200);
    expect(ZCoupon.parse(result.body)).toEqual(coupon);
  });

  it('PATCH changes only what it names', async () => {
    const coupon = (await create(couponBody({ max_uses: 5 }))).body;
    const result = await patch(coupon.id, { max_uses: 50, valid_until: '2099-01-01T00:00:00Z', applicable_plans: [planId] });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ max_uses: 50, valid_until: '2099-01-01T00:00:00.000Z', applicable_plans: [planId], code: coupon.code, discount_value: 20 });
  });

  it('PUT is an alias of PATCH', async () => {
    const coupon = (await create(couponBody())).body;
    const result = await patch(coupon.id, { is_active: false }, 'PUT');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ is_active: false, status: 'inactive' });
  });

  it('an unused coupon may change its code and discount; the code is uppercased and checked for uniqueness', async () => {
    const coupon = (await create(couponBody())).body;
    const code = `renamed-${run}`;
    const result = await patch(coupon.id, { code, discount_type: 'fixed', discount_value: 50000 });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ code: code.toUpperCase(), discount_type: 'fixed', discount_value: 50000, currency: 'IDR' });
    const other = (await create(couponBody())).body;
    const taken = await patch(other.id, { code: code.toLowerCase() });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('code_taken');
  });

  it('the merged discount is judged: a fixed IDR coupon cannot take 10.5, a percentage cannot take a currency', async () => {
    const fixed = (await create(couponBody({ discount_type: 'fixed', discount_value: 10000 }))).body;
    expect(fieldErrors(await patch(fixed.id, { discount_value: 10.5 }))).toEqual(['discount_value']);
    const percentage = (await create(couponBody())).body;
    expect(fieldErrors(await patch(percentage.id, { currency: 'IDR' }))).toEqual(['currency']);
    expect(fieldErrors(await patch(percentage.id, { discount_value: 150 }))).toEqual(['discount_value']);
  });

  it('after a redemption the discount is locked (409 coupon_in_use) but is_active may still change', async () => {
    const coupon = (await create(couponBody())).body;
    await redeem(coupon.id);
    const locked = await patch(coupon.id, { discount_value: 30 });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('coupon_in_use');
    expect(fieldErrors(locked)).toEqual(['discount_value']);
    for (const body of [{ code: nextCode() }, { discount_type: 'fixed' }, { currency: 'USD', discount_type: 'fixed' }]) {
      expect((await patch(coupon.id, body)).body.code).toBe('coupon_in_use');
    }
    // Resending the current values (a PUT client echoing the coupon) is not a change.
    expect((await patch(coupon.id, { code: coupon.code, discount_value: 20, is_active: false })).status).toBe(200);
    const reactivated = await patch(coupon.id, { is_active: true, max_uses: 10 });
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ is_active: true, current_uses: 1, max_uses: 10 });
  });

  it('max_uses below current_uses is 409 max_uses_below_current_uses; equal is allowed (exhausted)', async () => {
    const coupon = (await create(couponBody({ max_uses: 5 }))).body;
    await redeem(coupon.id);
    await redeem(coupon.id);
    const below = await patch(coupon.id, { max_uses: 1 });
    expect(below.status).toBe(409);
    expect(below.body.code).toBe('max_uses_below_current_uses');
    expect(fieldErrors(below)).toEqual(['max_uses']);
    expect((await patch(coupon.id, { max_uses: 2 })).body).toMatchObject({ max_uses: 2, status: 'exhausted' });
    expect((await patch(coupon.id, { max_uses: null })).body).toMatchObject({ max_uses: null, status: 'active' });
  });

  it('current_uses, duration and other fields are not updatable (400)', async () => {
    const coupon = (await create(couponBody())).body;
    for (const body of [{ current_uses: 0 }, { duration: 'forever' }, { id: crypto.randomUUID() }, { created_at: '2020-01-01T00:00:00Z' }]) {
      const result = await patch(coupon.id, body);
      expect(result.status).toBe(400);
      expect(fieldErrors(result)).toEqual(Object.keys(body));
    }
  });

  it('the merged window is judged: valid_until before the stored valid_from is 400', async () => {
    const coupon = (await create(couponBody({ valid_from: '2026-06-01T00:00:00Z' }))).body;
    const result = await patch(coupon.id, { valid_until: '2026-05-01T00:00:00Z' });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)).toEqual(['valid_until']);
  });

  it('applicable_plans naming a missing plan is 400 on update too', async () => {
    const coupon = (await create(couponBody())).body;
    expect(fieldErrors(await patch(coupon.id, { applicable_plans: [crypto.randomUUID()] }))).toEqual(['applicable_plans']);
  });

  it('the update is audited with before and after', async () => {
    const coupon = (await create(couponBody())).body;
    await patch(coupon.id, { is_active: false });
    const entry = await db().auditLogEntry.findFirst({ where: { entityId: coupon.id, action: 'coupon.updated' } });
    expect(entry).toMatchObject({ entityType: 'coupon', actorType: 'api_key' });
    expect(entry?.before).toMatchObject({ is_active: true, status: 'active' });
    expect(entry?.after).toMatchObject({ is_active: false, status: 'inactive' });
  });
});

describe('Idempotency-Key on POST /coupons', () => {
  itHonoursIdempotencyKeyOnCreate({ create, makeBody: () => couponBody(), count: (body) => db().coupon.count({ where: { code: body.code } }) });
});

describe('redeemCoupon', () => {
  const rejection = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingError);
    return error as BillingError;
  };

  it('increments current_uses and records the redemption', async () => {
    const coupon = (await create(couponBody())).body;
    const organizationId = await newOrganization();
    const result = await redeem(coupon.id, { organizationId });
    expect(result.currentUses).toBe(1);
    const row = await db().couponRedemption.findUnique({ where: { id: result.redemptionId } });
    expect(row).toMatchObject({ couponId: coupon.id, currency: 'IDR', organizationId });
  });

  it('an organization redeems a coupon once, ever: the second is 409 coupon_already_redeemed and uses nothing', async () => {
    const coupon = (await create(couponBody())).body;
    const organizationId = await newOrganization();
    await redeem(coupon.id, { organizationId });
    const error = await rejection(redeem(coupon.id, { organizationId }));
    expect(error).toMatchObject({ status: 409, code: 'coupon_already_redeemed' });
    expect((await db().coupon.findUniqueOrThrow({ where: { id: coupon.id } })).currentUses).toBe(1);
  });

  it.each([
    ['inactive', { is_active: false }, {}],
    ['not_yet_valid', { valid_from: '2099-01-01T00:00:00Z' }, {}],
    ['exhausted', { max_uses: 1 }, { redeemFirst: true }],
  ] as const)('a coupon that is %s is 409 coupon_not_applicable with the reason', async (reason, patchBody, options) => {
    const coupon = (await create(couponBody())).body;
    if ('redeemFirst' in options) await redeem(coupon.id);
    await patch(coupon.id, patchBody);
    const error = await rejection(redeem(coupon.id));
    expect(error).toMatchObject({ status: 409, code: 'coupon_not_applicable', options: { extra: { reason } } });
  });

  it('an expired coupon, another plan, or another currency is not applicable', async () => {
    const expired = (await create(couponBody({ valid_from: '2020-01-01T00:00:00Z', valid_until: '2020-02-01T00:00:00Z' }))).body;
    expect((await rejection(redeem(expired.id))).options.extra).toMatchObject({ reason: 'expired' });
    const proOnly = (await create(couponBody({ applicable_plans: [otherPlanId] }))).body;
    expect((await rejection(redeem(proOnly.id))).options.extra).toMatchObject({ reason: 'plan_not_eligible' });
    expect((await redeem(proOnly.id, { planId: otherPlanId })).currentUses).toBe(1);
    const usd = (await create(couponBody({ discount_type: 'fixed', discount_value: 5, currency: 'USD' }))).body;
    expect((await rejection(redeem(usd.id))).options.extra).toMatchObject({ reason: 'currency_mismatch' });
    expect((await redeem(usd.id, { currency: 'USD' })).currentUses).toBe(1);
  });

  it('the window is inclusive: a coupon redeems at valid_until exactly, not a millisecond later', async () => {
    const coupon = (await create(couponBody({ valid_from: '2026-01-01T00:00:00Z', valid_until: '2026-01-31T23:59:59.999Z' }))).body;
    expect((await rejection(redeem(coupon.id, { at: new Date('2026-02-01T00:00:00Z') }))).options.extra).toMatchObject({ reason: 'expired' });
    expect((await redeem(coupon.id, { at: new Date('2026-01-31T23:59:59.999Z') })).currentUses).toBe(1);
  });

  it('an unknown coupon is 404', async () => {
    expect((await rejection(redeem(crypto.randomUUID()))).status).toBe(404);
  });

  it('100 concurrent redemptions of a coupon with max_uses 10 succeed exactly 10 times', async () => {
    const coupon = (await create(couponBody({ max_uses: 10 }))).body;
    const tenants = await Promise.all(Array.from({ length: 100 }, () => newOrganization()));
    const attempts = await Promise.allSettled(
      tenants.map((organizationId) =>
        // Generous waits: 100 transactions queue for a pool of 10 connections.
        db().$transaction((tx) => redeemCoupon(tx, { couponId: coupon.id, planId, currency: 'IDR', at: new Date(), organizationId }), { maxWait: 60_000, timeout: 60_000 }),
      ),
    );
    const fulfilled = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const rejected = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason as unknown] : []));
    expect(fulfilled).toHaveLength(10);
    expect(rejected).toHaveLength(90);
    for (const error of rejected) expect(error).toMatchObject({ status: 409, code: 'coupon_not_applicable', options: { extra: { reason: 'exhausted' } } });
    expect(rejected.every((error) => error instanceof BillingError)).toBe(true);
    expect((await db().coupon.findUnique({ where: { id: coupon.id } }))?.currentUses).toBe(10);
    expect(await db().couponRedemption.count({ where: { couponId: coupon.id } })).toBe(10);
    expect((await api(member.GET, { params: { id: coupon.id } })).body.status).toBe('exhausted');
  });
});
