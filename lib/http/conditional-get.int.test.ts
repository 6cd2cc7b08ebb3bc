import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as addons from '@/app/api/v1/admin/billing/addons/route';
import * as addon from '@/app/api/v1/admin/billing/addons/[id]/route';
import * as coupons from '@/app/api/v1/admin/billing/coupons/route';
import * as coupon from '@/app/api/v1/admin/billing/coupons/[id]/route';
import * as invoice from '@/app/api/v1/admin/billing/invoices/[id]/route';
import * as payments from '@/app/api/v1/admin/billing/invoices/[id]/payments/route';
import * as refund from '@/app/api/v1/admin/billing/invoices/[id]/refund/route';
import * as plans from '@/app/api/v1/admin/billing/plans/route';
import * as plan from '@/app/api/v1/admin/billing/plans/[id]/route';
import { redeemCoupon } from '@/lib/billing/coupons/redeem-coupon';
import { db } from '@/lib/db';
import { CREATE_PLAN_BODY } from '@/lib/openapi/examples/catalog';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture, createSubscriptionFixture } from '@/tests/integration/billing-fixtures';
import { callRoute, type CallResult } from '@/tests/integration/call-route';
import { adminRoute } from './admin-route';
import { REVALIDATE } from './conditional-get';

let api: ReturnType<typeof apiAs>;
let admin: ReturnType<typeof apiAs>;
const run = Math.random().toString(36).slice(2, 8);
const get = (handler: typeof plans.GET | typeof plan.GET, options: { params?: { id: string }; headers?: Record<string, string>; query?: Record<string, string> } = {}) =>
  api(handler as typeof plan.GET, { params: options.params ?? { id: '' }, headers: options.headers, query: options.query });
const tagOf = (result: CallResult) => {
  expect(result.status, result.text).toBe(200);
  const tag = result.headers.get('etag');
  expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  expect(result.headers.get('cache-control')).toBe(REVALIDATE);
  return tag!;
};
const expectNotModified = (result: CallResult, tag: string) => {
  expect(result.status).toBe(304);
  expect(result.text).toBe('');
  expect(result.headers.get('etag')).toBe(tag);
  expect(result.headers.get('cache-control')).toBe(REVALIDATE);
  expect(result.headers.get('content-type')).toBeNull();
  expect(result.headers.get('x-request-id')).toBeTruthy();
};

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
  admin = apiAs((await credentialsFor('admin')).bearer);
});

afterEach(() => vi.useRealTimers());

describe('ETag and If-None-Match on the plans list', () => {
  it('gives identical requests the same tag, and answers 304 with no body for it, in every spelling', async () => {
    const tag = tagOf(await get(plans.GET));
    expect(tagOf(await get(plans.GET))).toBe(tag);
    expectNotModified(await get(plans.GET, { headers: { 'if-none-match': tag } }), tag);
    expectNotModified(await get(plans.GET, { headers: { 'if-none-match': `W/${tag}` } }), tag);
    expectNotModified(await get(plans.GET, { headers: { 'if-none-match': `"stale", W/"older" , ${tag}` } }), tag);
    expectNotModified(await get(plans.GET, { headers: { 'if-none-match': '*' } }), tag);
    for (const other of ['"stale"', 'W/"stale", "older"', tag.slice(1, -1), 'garbage']) {
      const answered = await get(plans.GET, { headers: { 'if-none-match': other } });
      expect(tagOf(answered), other).toBe(tag);
      expect(Array.isArray(answered.body)).toBe(true);
    }
  });

  it('changes when any plan changes (a price), is added, and with the query string', async () => {
    const before = tagOf(await get(plans.GET));
    const created = await api(plans.POST, { method: 'POST', body: { ...CREATE_PLAN_BODY, name: 'ETag plan', slug: `etag-${run}` } });
    expect(created.status).toBe(201);
    const added = tagOf(await get(plans.GET));
    expect(added).not.toBe(before);
    const patched = await api(plan.PATCH, { method: 'PATCH', params: { id: created.body.id }, body: { base_price_monthly: 100_001 } });
    expect(patched.status).toBe(200);
    const repriced = await get(plans.GET, { headers: { 'if-none-match': added } });
    expect(tagOf(repriced)).not.toBe(added);
    expect(repriced.body.find((row: { id: string }) => row.id === created.body.id).base_price_monthly).toBe(100_001);
    // The same rows behind another query string are another representation's tag.
    expect(tagOf(await get(plans.GET, { query: { format: 'json' } }))).not.toBe(tagOf(repriced));
  });

  it('gives CSV no tag, and ignores If-None-Match for it', async () => {
    const csv = await get(plans.GET, { headers: { accept: 'text/csv', 'if-none-match': '*' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('etag')).toBeNull();
    expect(csv.headers.get('cache-control')).toBe('no-store');
  });

  it('checks credentials and the role first: 401 and 403 before any 304', async () => {
    const tag = tagOf(await get(plans.GET));
    for (const [caller, status] of [[null, 401], [admin, 403]] as const) {
      const options = { headers: { 'if-none-match': tag } };
      const result = caller ? await caller(plans.GET, options) : await callRoute(plans.GET, options);
      expect(result.status).toBe(status);
      expect(result.headers.get('etag')).toBeNull();
      expect(result.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('never runs the handler for a 304', async () => {
    let ran = 0;
    const route = adminRoute(async () => (ran++, new Response('{}', { headers: { 'Content-Type': 'application/json' } })), { version: async () => 'fixed' });
    const tag = tagOf(await api(route));
    expect(ran).toBe(1);
    expectNotModified(await api(route, { headers: { 'if-none-match': tag } }), tag);
    expect(ran).toBe(1);
  });
});

describe('ETag on plan, add-on and coupon details and lists', () => {
  it('a plan: changes with its row; an unknown or malformed id is still 404, whatever If-None-Match says', async () => {
    const created = await api(plans.POST, { method: 'POST', body: { ...CREATE_PLAN_BODY, name: 'ETag detail', slug: `etag-detail-${run}` } });
    expect(created.status, created.text).toBe(201);
    const params = { id: created.body.id as string };
    const tag = tagOf(await get(plan.GET, { params }));
    expectNotModified(await get(plan.GET, { params, headers: { 'if-none-match': tag } }), tag);
    await api(plan.PATCH, { method: 'PATCH', params, body: { name: 'ETag detail, renamed' } });
    expect(tagOf(await get(plan.GET, { params, headers: { 'if-none-match': tag } }))).not.toBe(tag);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) expect((await get(plan.GET, { params: { id }, headers: { 'if-none-match': '*' } })).status).toBe(404);
  });

  it('an add-on and the add-on list: change with an update', async () => {
    const created = await api(addons.POST, { method: 'POST', body: { name: 'ETag add-on', slug: `etag-addon-${run}`, price_monthly: 1000 } });
    expect(created.status, created.text).toBe(201);
    const params = { id: created.body.id as string };
    const [one, all] = [tagOf(await get(addon.GET, { params })), tagOf(await get(addons.GET))];
    expectNotModified(await get(addon.GET, { params, headers: { 'if-none-match': one } }), one);
    expectNotModified(await get(addons.GET, { headers: { 'if-none-match': all } }), all);
    expect((await api(addon.PATCH, { method: 'PATCH', params, body: { price_monthly: 1001 } })).status).toBe(200);
    expect(tagOf(await get(addon.GET, { params, headers: { 'if-none-match': one } }))).not.toBe(one);
    expect(tagOf(await get(addons.GET, { headers: { 'if-none-match': all } }))).not.toBe(all);
  });

  it('a coupon and the coupon list: change with a use (current_uses) and when time changes its status', async () => {
    const created = await api(coupons.POST, { method: 'POST', body: { code: `ETAG${run.toUpperCase()}`, discount_type: 'percentage', discount_value: 10, valid_until: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(created.status, created.text).toBe(201);
    const params = { id: created.body.id as string };
    const [one, all] = [tagOf(await get(coupon.GET, { params })), tagOf(await get(coupons.GET))];
    expectNotModified(await get(coupon.GET, { params, headers: { 'if-none-match': one } }), one);

    const { plan: used, organization } = await createSubscriptionFixture();
    await db().$transaction((tx) => redeemCoupon(tx, { couponId: params.id, planId: used.id, currency: 'IDR', at: new Date(), organizationId: organization.id }));
    const afterUse = await get(coupon.GET, { params, headers: { 'if-none-match': one } });
    expect(tagOf(afterUse)).not.toBe(one);
    expect(afterUse.body.current_uses).toBe(1);
    const listAfterUse = tagOf(await get(coupons.GET, { headers: { 'if-none-match': all } }));
    expect(listAfterUse).not.toBe(all);

    // Two hours on, the same row is an expired coupon: another body, so another tag.
    const used1 = tagOf(afterUse);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3_600_000 });
    const expired = await get(coupon.GET, { params, headers: { 'if-none-match': used1 } });
    expect(expired.body.status).toBe('expired');
    expect(tagOf(expired)).not.toBe(used1);
    expect(tagOf(await get(coupons.GET, { headers: { 'if-none-match': listAfterUse } }))).not.toBe(listAfterUse);
  });
});

describe('ETag on an invoice', () => {
  it('changes with a payment, a refund (and its credit note), and not otherwise', async () => {
    const open = await createInvoiceFixture({ status: 'open', total: '111000', taxTotal: '11000' });
    const params = { id: open.id };
    const first = tagOf(await get(invoice.GET, { params }));
    expect(tagOf(await get(invoice.GET, { params }))).toBe(first);
    expectNotModified(await get(invoice.GET, { params, headers: { 'if-none-match': first } }), first);

    const paid = await api(payments.POST, { method: 'POST', params, body: { amount: 111_000, method: 'bank_transfer', reference: `etag-${run}` } });
    expect(paid.status, paid.text).toBe(201);
    const afterPayment = await get(invoice.GET, { params, headers: { 'if-none-match': first } });
    const second = tagOf(afterPayment);
    expect(second).not.toBe(first);
    expect(afterPayment.body.payments).toHaveLength(1);

    const refunded = await api(refund.POST, { method: 'POST', params, body: { reason: 'ETag test', amount: 1_110 } });
    expect(refunded.status, refunded.text).toBe(201);
    const afterRefund = await get(invoice.GET, { params, headers: { 'if-none-match': second } });
    const third = tagOf(afterRefund);
    expect(third).not.toBe(second);
    expect(afterRefund.body.refunds).toHaveLength(1);
    expect(afterRefund.body.credit_notes).toHaveLength(1);
    expectNotModified(await get(invoice.GET, { params, headers: { 'if-none-match': `${first}, ${third}` } }), third);

    // A row it does not show (another invoice's refund) leaves it alone.
    const other = await createInvoiceFixture({ status: 'paid' });
    expect((await api(refund.POST, { method: 'POST', params: { id: other.id }, body: { reason: 'elsewhere', amount: 1 } })).status).toBe(201);
    expectNotModified(await get(invoice.GET, { params, headers: { 'if-none-match': third } }), third);
  });

  it('an unknown invoice is 404 even for If-None-Match: *', async () => {
    expect((await get(invoice.GET, { params: { id: '00000000-0000-4000-8000-000000000000' }, headers: { 'if-none-match': '*' } })).status).toBe(404);
  });
});
