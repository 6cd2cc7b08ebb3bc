import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { customerHub } from '@/tests/integration/customer-hub';
import * as coupon from '@/app/api/v1/admin/billing/subscriptions/[id]/coupon/route';
import * as cancel from '@/app/api/v1/admin/billing/subscriptions/[id]/cancel/route';
import * as subscriptions from '@/app/api/v1/admin/billing/subscriptions/route';
import * as payments from '@/app/api/v1/admin/billing/invoices/[id]/payments/route';
import { Prisma } from '@/lib/generated/prisma/client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { answerInTransactionSql, jsonTextSql, SqlJsonValue } from './idempotency';

let hub: Awaited<ReturnType<typeof customerHub>>;

beforeAll(async () => {
  hub = await customerHub();
});

/** The transaction that last wrote a row (xmin): the same for two rows written by one transaction. */
async function writers(key: string, table: 'subscriptions' | 'payments', id: string): Promise<[string, string]> {
  const [row] = await db().$queryRawUnsafe<{ record: string; entity: string }[]>(
    `SELECT (SELECT xmin::text FROM idempotency_records WHERE key = $1) AS record, (SELECT xmin::text FROM ${table} WHERE id = $2::uuid) AS entity`, key, id);
  return [row!.record, row!.entity];
}

/** The record of one Idempotency-Key (keys are unique per test: one record). */
async function recordOf(key: string) {
  return db().idempotencyRecord.findFirstOrThrow({ where: { key } });
}

describe('an answer stored with the service’s own writes (answerInTransactionSql)', () => {
  it('is nothing outside a request that holds an Idempotency-Key', () => {
    expect(answerInTransactionSql({ any: 'thing' })).toBeNull();
  });

  it('a cancellation, a sign-up: the record holds the answer byte for byte, and the retry replays it', async () => {
    const sub = await hub.subscribed();
    const key = randomUUID();
    const first = await hub.api(cancel.POST, { method: 'POST', params: { id: sub.id }, body: { reason: 'Moving on' }, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(200);
    const record = await recordOf(key);
    expect(record).toMatchObject({ state: 'completed', responseStatus: 200, responseBody: first.text, responseHeaders: { 'content-type': 'application/json' } });
    // Completed by the cancellation's own transaction, not by a statement after it.
    const [recordWriter, subscriptionWriter] = await writers(key, 'subscriptions', sub.id);
    expect(recordWriter).toBe(subscriptionWriter);
    const again = await hub.api(cancel.POST, { method: 'POST', params: { id: sub.id }, body: { reason: 'Moving on' }, headers: { 'idempotency-key': key } });
    expect([again.status, again.text, again.headers.get('idempotent-replayed')]).toEqual([200, first.text, 'true']);

    const signUpKey = randomUUID();
    const body = { organization_id: await hub.createOrganization(), plan_id: hub.starter.id, billing_cycle: 'monthly', agent_count: 2, addons: [{ addon_id: hub.whatsapp.id, quantity: 1 }] };
    const created = await hub.api(subscriptions.POST, { method: 'POST', body, headers: { 'idempotency-key': signUpKey } });
    expect(created.status).toBe(201);
    expect(await recordOf(signUpKey)).toMatchObject({ state: 'completed', responseStatus: 201, responseBody: created.text });
    const [signUpRecordWriter, createdWriter] = await writers(signUpKey, 'subscriptions', created.body.id);
    expect(signUpRecordWriter).toBe(createdWriter);
    const replayed = await hub.api(subscriptions.POST, { method: 'POST', body, headers: { 'idempotency-key': signUpKey } });
    expect([replayed.status, replayed.text]).toEqual([201, created.text]);
    expect(await db().subscription.count({ where: { organizationId: body.organization_id } })).toBe(1);
  });

  it('a refusal decided by the write itself (the coupon’s last use taken by another subscription): nothing written, the record holds the refusal, and the retry replays it', async () => {
    const scarce = await hub.makeCoupon({ maxUses: 1 });
    const [holder, late] = [await hub.subscribed(), await hub.subscribed()];
    expect((await hub.applyCoupon(holder.id, scarce.code)).status).toBe(200);
    const key = randomUUID();
    const refused = await hub.api(coupon.POST, { method: 'POST', params: { id: late.id }, body: { code: scarce.code }, headers: { 'idempotency-key': key } });
    expect([refused.status, refused.body.reason]).toEqual([409, 'exhausted']);
    expect(await recordOf(key)).toMatchObject({ state: 'completed', responseStatus: 409, responseBody: refused.text });
    const again = await hub.api(coupon.POST, { method: 'POST', params: { id: late.id }, body: { code: scarce.code }, headers: { 'idempotency-key': key } });
    expect([again.status, again.text, again.headers.get('idempotent-replayed')]).toEqual([409, refused.text, 'true']);
    expect((await db().subscription.findUniqueOrThrow({ where: { id: late.id } })).couponId).toBeNull();
  });

  it('a payment, whose figures only its statement knows: the record holds the answer PostgreSQL spelled, byte for byte, and the retry replays it', async () => {
    for (const [total, amount] of [['150000', 150000], ['150000', 49999]] as const) {
      const invoice = await createInvoiceFixture({ status: 'open', total });
      const key = randomUUID();
      const body = { amount, method: 'bank_transfer', reference: `BT "${key}" — ü` };
      const paid = await hub.api(payments.POST, { method: 'POST', params: { id: invoice.id }, body, headers: { 'idempotency-key': key } });
      expect(paid.status, paid.text).toBe(201);
      expect(await recordOf(key)).toMatchObject({ state: 'completed', responseStatus: 201, responseBody: paid.text, responseHeaders: { 'content-type': 'application/json' } });
      const [recordWriter, paymentWriter] = await writers(key, 'payments', paid.body.payment.id);
      expect(recordWriter).toBe(paymentWriter);
      const again = await hub.api(payments.POST, { method: 'POST', params: { id: invoice.id }, body, headers: { 'idempotency-key': key } });
      expect([again.status, again.text, again.headers.get('idempotent-replayed')]).toEqual([201, paid.text, 'true']);
      expect(await db().payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    }
  });

  it('jsonTextSql: JSON.stringify’s text, with the values PostgreSQL writes put in place', async () => {
    const data = {
      text: 'a "quoted" \\ line\nü', amount: new SqlJsonValue(Prisma.sql`trim_scale(10.5000::numeric)::text`), nested: { status: new SqlJsonValue(Prisma.sql`to_json('paid'::text)::text`) },
      list: [new SqlJsonValue(Prisma.sql`trim_scale(0.0000::numeric)::text`), 1], last: new SqlJsonValue(Prisma.sql`trim_scale(1500000.0000::numeric)::text`),
    };
    const [row] = await db().$queryRaw<{ text: string }[]>`SELECT ${jsonTextSql(data)} AS text`;
    expect(row!.text).toBe(JSON.stringify({ text: data.text, amount: 10.5, nested: { status: 'paid' }, list: [0, 1], last: 1500000 }));
  });
});
