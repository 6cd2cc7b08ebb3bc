import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as refundRoute } from '@/app/api/v1/admin/billing/invoices/[id]/refund/route';
import { POST as reconcileRoute } from '@/app/api/v1/admin/billing/refunds/reconcile/route';
import { startFakeXendit, type TFakeXendit } from '@/lib/billing/providers/fakes/fake-xendit';
import { providerGateway } from '@/lib/billing/providers/provider-gateway';
import { db } from '@/lib/db';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createProviderPaidInvoice } from '@/tests/integration/billing-fixtures';
import { usePaymentGateway } from './payment-gateway';
import { reconcileRefunds } from './reconcile-refunds';

let bearer: string;
let actor: { type: 'api_key'; id: string; label: string; role: 'super_admin' };
let api: ReturnType<typeof apiAs>;
let xendit: TFakeXendit;
let restore: () => void;

const refund = (id: string, body: unknown, headers: Record<string, string> = {}) => api(refundRoute, { method: 'POST', params: { id }, body, headers });
const invoiceRow = (id: string) => db().invoice.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  const credentials = await credentialsFor('super_admin');
  bearer = credentials.bearer;
  const key = await db().apiKey.findFirstOrThrow({ where: { createdById: credentials.userId } });
  actor = { type: 'api_key', id: key.id, label: `API key ${key.name} (${key.prefix}…)`, role: 'super_admin' };
  api = apiAs(bearer);
  xendit = await startFakeXendit();
  restore = usePaymentGateway(providerGateway({ xendit: { secretKey: 'xnd_development_fake', baseUrl: xendit.url, timeoutMs: 800 } }));
});
afterAll(async () => {
  restore();
  await xendit.close();
});

describe('the refund reconciler', () => {
  it('a refund left pending by a provider 5xx is settled by asking again with its key: one provider refund', async () => {
    xendit.mode = { kind: 'server_error' };
    const { invoice } = await createProviderPaidInvoice('xendit', { total: '100000' });
    const first = await refund(invoice.id, { reason: '5xx', amount: 30000 });
    expect(first.body.status).toBe('pending');
    xendit.mode = { kind: 'succeed' };
    // Not yet due (REFUND_PENDING_RECHECK is 10 minutes): the periodic pass leaves it alone.
    expect((await reconcileRefunds()).checked).toBe(0);
    const result = await api(reconcileRoute, { method: 'POST', body: { refund_ids: [first.body.refund.id] } });
    expect(result.status, result.text).toBe(200);
    expect(result.body).toMatchObject({ checked: 1, succeeded: 1, failed: 0, still_pending: 0, errors: [] });
    expect(await db().refund.findUniqueOrThrow({ where: { id: first.body.refund.id } })).toMatchObject({ status: 'succeeded' });
    expect(xendit.book.createdPerKey.get(first.body.refund.id)).toBe(1);
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('30000');
  });

  it('a timeout then a provider failure: the reconciler releases the reservation', async () => {
    xendit.mode = { kind: 'timeout' };
    const { invoice } = await createProviderPaidInvoice('xendit', { total: '100000' });
    const first = await refund(invoice.id, { reason: 'timeout', amount: 30000 });
    expect(first.body.status).toBe('pending');
    xendit.mode = { kind: 'fail' };
    expect(await reconcileRefunds({ refundIds: [first.body.refund.id] })).toMatchObject({ checked: 1, failed: 1 });
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid' });
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('0');
  });

  it('the process killed between reservation and provider call: the reconciler sends it once, and the retry with the same Idempotency-Key refunds nothing more', async () => {
    xendit.mode = { kind: 'succeed' };
    const { invoice } = await createProviderPaidInvoice('xendit', { total: '100000' });
    const key = `killed-${crypto.randomUUID()}`;
    const child = spawnSync('npx', ['tsx', 'tests/integration/refund-then-die.ts'], {
      env: { ...process.env, REFUND_INVOICE_ID: invoice.id, REFUND_ACTOR: JSON.stringify(actor), REFUND_KEY: key },
      encoding: 'utf8',
      timeout: 120_000,
    });
    // Killed by SIGKILL (tsx, between us and it, reports it as exit status 128 + 9).
    expect([child.signal, child.status], child.stderr).toContainEqual(expect.toSatisfy((value) => value === 'SIGKILL' || value === 137));

    const [pending] = await db().refund.findMany({ where: { invoiceId: invoice.id } });
    expect(pending).toMatchObject({ status: 'pending', provider: 'xendit', gatewayRef: null });
    expect(pending!.idempotencyRecordId).not.toBeNull();
    expect(xendit.book.createdPerKey.get(pending!.id)).toBeUndefined(); // Xendit never heard of it
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('40000'); // reserved

    // Before the reconciler: the key is held, so the retry is refused rather than refunding again.
    const early = await refund(invoice.id, { reason: 'Killed mid-refund', amount: 40000 }, { 'idempotency-key': key });
    expect(early.body).toMatchObject({ status: 409, code: 'idempotency_request_in_progress' });

    expect(await reconcileRefunds({ refundIds: [pending!.id] })).toMatchObject({ checked: 1, succeeded: 1 });
    expect(xendit.book.createdPerKey.get(pending!.id)).toBe(1);

    const retry = await refund(invoice.id, { reason: 'Killed mid-refund', amount: 40000 }, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toMatchObject({ status: 'succeeded', refund_amount: 40000, refund: { id: pending!.id } });
    expect(await db().refund.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect(xendit.book.createdPerKey.get(pending!.id)).toBe(1);
    expect((await invoiceRow(invoice.id)).amountRefunded.toString()).toBe('40000');
  }, 240_000); // the child compiles the app's modules with tsx: slow on a loaded machine
});
