import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v1/admin/billing/organizations/route';
import * as member from '@/app/api/v1/admin/billing/organizations/[id]/route';
import { customerHub } from '@/tests/integration/customer-hub';
import { ZOrganization, ZOrganizationDetail, ZOrganizationPage } from './schemas';

let hub: Awaited<ReturnType<typeof customerHub>>;
beforeAll(async () => {
  hub = await customerHub();
});

const create = (body: unknown) => hub.api(collection.POST, { method: 'POST', body });
const detail = (id: string) => hub.api(member.GET, { params: { id } });

describe('POST /organizations and PATCH /organizations/{id}', () => {
  it('creates a tenant with its NPWP, audits it, and a taken slug is 409 slug_taken', async () => {
    const slug = `npwp-${Date.now().toString(36)}`;
    const created = await create({ name: 'Toko Sinar Jaya', slug, billing_email: 'keuangan@sinar.test', country: 'id', tax_id: '01.234.567.8-901.000' });
    expect(created.status, created.text).toBe(201);
    expect(ZOrganization.parse(created.body)).toMatchObject({ slug, country: 'ID', tax_id: '01.234.567.8-901.000' });
    const taken = await create({ name: 'Other', slug, billing_email: 'x@y.test', country: 'ID' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('slug_taken');
  });

  it('a malformed NPWP, country or email, or an unknown field is 400 naming the field', async () => {
    for (const [body, path] of [[{ tax_id: '123' }, 'tax_id'], [{ country: 'IDN' }, 'country'], [{ billing_email: 'nope' }, 'billing_email'], [{ status: 'vip' }, 'status']] as const) {
      const result = await create({ name: 'X', slug: `bad-${Math.random().toString(36).slice(2, 8)}`, billing_email: 'a@b.test', country: 'ID', ...body });
      expect(result.status).toBe(400);
      expect(result.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    }
  });

  it('updates any field; tax_id null clears it; an unknown id is 404', async () => {
    const id = await hub.createOrganization();
    const updated = await hub.api(member.PATCH, { method: 'PATCH', params: { id }, body: { name: 'Renamed', tax_id: '0123456789012345' } });
    expect(updated.body).toMatchObject({ name: 'Renamed', tax_id: '0123456789012345' });
    expect((await hub.api(member.PATCH, { method: 'PATCH', params: { id }, body: { tax_id: null } })).body.tax_id).toBeNull();
    expect((await hub.api(member.PATCH, { method: 'PATCH', params: { id: crypto.randomUUID() }, body: { name: 'x' } })).status).toBe(404);
  });
});

describe('GET /organizations/{id}', () => {
  it('answers the current subscription, its MRR contribution, the outstanding amount and counts', async () => {
    const coupon = await hub.makeCoupon({ percent: 10, duration: 'forever' });
    const sub = await hub.subscribed({ coupon_code: coupon.code, agent_count: 5, addons: [{ addon_id: hub.ai.id }] });
    const result = await detail(sub.organization_id);
    expect(result.status).toBe(200);
    const body = ZOrganizationDetail.parse(result.body);
    // 310.000 + 2 × 50.000 extra agents + 5 × 10.000 AI = 460.000, − 10% = 414.000 a month.
    expect(body).toMatchObject({ mrr: 414_000, currency: 'IDR', counts: { subscriptions: 1, invoices: 1, open_invoices: 1, refunds: 0 } });
    // The open first invoice: 414.000 + 11% = 459.540.
    expect(body.outstanding_amount).toBe(459_540);
    expect(body.subscription?.id).toBe(sub.id);
    expect((await detail(crypto.randomUUID())).status).toBe(404);
    expect((await detail('not-a-uuid')).status).toBe(404);
  });

  it('a cancelled customer contributes no MRR', async () => {
    const sub = await hub.subscribed();
    await hub.cancel(sub.id, { at: 'now', reason: 'left' });
    expect((await detail(sub.organization_id)).body).toMatchObject({ mrr: 0, subscription: { status: 'cancelled' } });
  });
});

describe('GET /organizations filters', () => {
  it('by plan, subscription status (none: never subscribed) and has_coupon', async () => {
    const coupon = await hub.makeCoupon();
    const withCoupon = await hub.subscribed({ plan_id: hub.growth.id, coupon_code: coupon.code });
    const plain = await hub.subscribed({ plan_id: hub.growth.id });
    const never = await hub.createOrganization();
    const ids = async (query: Record<string, string>) =>
      ZOrganizationPage.parse((await hub.api(collection.GET, { query: { limit: '50', ...query } })).body).data.map((organization) => organization.id);
    const onGrowth = await ids({ plan_id: hub.growth.id });
    expect(onGrowth).toEqual(expect.arrayContaining([withCoupon.organization_id, plain.organization_id]));
    expect(onGrowth).not.toContain(never);
    expect(await ids({ plan_id: hub.growth.id, has_coupon: 'true' })).toContain(withCoupon.organization_id);
    expect(await ids({ plan_id: hub.growth.id, has_coupon: 'true' })).not.toContain(plain.organization_id);
    expect(await ids({ plan_id: hub.growth.id, has_coupon: 'false' })).toContain(plain.organization_id);
    expect(await ids({ coupon_id: coupon.id })).toEqual([withCoupon.organization_id]);
    expect(await ids({ status: 'none', search: never })).toEqual([never]);
    expect(await ids({ status: 'active', search: never })).toEqual([]);
    const listed = ZOrganizationPage.parse((await hub.api(collection.GET, { query: { search: withCoupon.organization_id } })).body).data[0];
    expect(listed?.subscription).toMatchObject({ id: withCoupon.id, plan_name: 'Growth', status: 'active', coupon_code: coupon.code, has_pending_change: false });
  });
});
