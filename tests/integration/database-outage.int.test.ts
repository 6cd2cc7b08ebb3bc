import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as refundRoute } from '@/app/api/v1/admin/billing/invoices/[id]/refund/route';
import { GET as getInvoiceRoute } from '@/app/api/v1/admin/billing/invoices/[id]/route';
import { GET as listPlansRoute, POST as createPlanRoute } from '@/app/api/v1/admin/billing/plans/route';
import type { CredentialsConfig } from 'next-auth/providers/credentials';
import { authOptions } from '@/lib/auth/options';
import { SIGN_IN_ERROR } from '@/lib/auth/sign-in-errors';
import { usePaymentGateway } from '@/lib/billing/refunds/payment-gateway';
import { createClient, db } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/http/error-response';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { freePort } from '@/lib/db/free-port';
import { migrateDatabase } from '@/lib/db/migrations';
import { CREATE_PLAN_BODY } from '@/lib/openapi/examples/catalog';
import { credentialsFor, type TestCredentials } from './actors';
import { apiAs } from './api-client';
import { createInvoiceFixture } from './billing-fixtures';
import { callRoute, type CallResult } from './call-route';

/**
 * The app against a PostgreSQL that goes away and comes back: this file starts its own server
 * (the shared one must stay up for the other files), stops it mid-run and restarts it on the
 * same data directory, while the app's one db() client lives on untouched.
 */
const OUTAGE_BUDGET_MS = 5_000;

let dataRoot: string;
let port: number;
let server: EmbeddedDatabase | undefined;
let caller: TestCredentials;
let api: ReturnType<typeof apiAs>;

const startServer = async () => {
  server = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, 'pg'), port });
  return server;
};
const stopServer = async () => {
  await server?.stop();
  server = undefined;
};

async function timed(call: () => Promise<CallResult>): Promise<CallResult & { ms: number }> {
  const started = performance.now();
  const result = await call();
  return { ...result, ms: performance.now() - started };
}

function expectOutageAnswer(result: CallResult & { ms: number }, where: string) {
  expect(result.status, `${where}: ${result.text.slice(0, 200)}`).toBe(503);
  expect(result.body, where).toMatchObject({ status: 503, code: 'database_unavailable' });
  expect(result.headers.get('content-type'), where).toBe('application/problem+json');
  expect(Number(result.headers.get('retry-after')), where).toBeGreaterThan(0);
  expect(result.ms, where).toBeLessThan(OUTAGE_BUDGET_MS);
}

const refund = (id: string, body: object, headers: Record<string, string> = {}) =>
  timed(() => api(refundRoute, { method: 'POST', params: { id }, body, headers }));

async function invoiceState(id: string) {
  const invoice = await db().invoice.findUniqueOrThrow({ where: { id } });
  const refunds = await db().refund.findMany({ where: { invoiceId: id } });
  const audit = await db().auditLogEntry.count({ where: { entityType: 'invoice', entityId: id } });
  return { status: invoice.status, amountRefunded: invoice.amountRefunded.toString(), refunds: refunds.map((row) => ({ status: row.status, amount: row.amount.toString() })), audit };
}

beforeAll(async () => {
  dataRoot = await mkdtemp(path.join(tmpdir(), 'billing-outage-'));
  await chmod(dataRoot, 0o755);
  port = await freePort();
  const { url } = await startServer();
  await migrateDatabase(url);
  // Before the first db() call, which reads the configuration once.
  process.env.DATABASE_URL = url;
  caller = await credentialsFor('super_admin');
  api = apiAs(caller.bearer);
});

afterAll(async () => {
  await stopServer();
  await rm(dataRoot, { recursive: true, force: true });
});

describe('a database outage', () => {
  let paidInvoiceId: string;
  let interruptedInvoiceId: string;
  let before: Awaited<ReturnType<typeof invoiceState>>;

  it('answers normally while the database is up, on sessions with a 30 s statement_timeout', async () => {
    expect((await api(listPlansRoute)).status).toBe(200);
    expect(await db().$queryRaw`SHOW statement_timeout`).toEqual([{ statement_timeout: '30s' }]);
    paidInvoiceId = (await createInvoiceFixture({ total: '500000' })).id;
    interruptedInvoiceId = (await createInvoiceFixture({ total: '300000' })).id;
    before = await invoiceState(interruptedInvoiceId);
  });

  it('a refund cut off mid-transaction by the shutdown is 503 and rolled back whole', async () => {
    // Another session holds the invoice's row lock, so the refund waits inside its reserving
    // statement (at its SELECT … FOR UPDATE) until the server goes down under it.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    blocker.on('error', () => {});
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT id FROM invoices WHERE id = $1 FOR UPDATE', [interruptedInvoiceId]);
    const pending = refund(interruptedInvoiceId, { reason: 'Cut off', amount: 100_000 });
    await waitFor(async () => (await blocker.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'")).rowCount === 1);
    await stopServer();
    expectOutageAnswer(await pending, 'refund interrupted mid-transaction');
    await blocker.end().catch(() => {});
  });

  it('while the server is down, every call is 503 database_unavailable with Retry-After, each within 5 s', async () => {
    expectOutageAnswer(await timed(() => api(listPlansRoute)), 'GET /plans (API key)');
    expectOutageAnswer(await timed(() => api(getInvoiceRoute, { params: { id: paidInvoiceId } })), 'GET /invoices/{id}');
    expectOutageAnswer(await timed(() => api(createPlanRoute, { method: 'POST', body: { ...CREATE_PLAN_BODY, slug: 'during-outage' }, headers: { 'Idempotency-Key': 'outage-plan' } })), 'POST /plans');
    expectOutageAnswer(await refund(paidInvoiceId, { reason: 'During the outage', amount: 1_000 }), 'POST /invoices/{id}/refund');
    expectOutageAnswer(await timed(() => callRoute(listPlansRoute, { headers: { cookie: caller.sessionCookie } })), 'GET /plans (session)');
    // Sign-in says what is wrong, never the driver's message (next-auth shows it to the browser).
    const { authorize } = (authOptions.providers[0] as unknown as { options: CredentialsConfig }).options;
    const signIn = authorize({ email: caller.email, password: 'test-password' }, { headers: { 'x-forwarded-for': '203.0.113.9' }, body: {}, query: {}, method: 'POST' });
    await expect(signIn).rejects.toThrow(new RegExp(`^${SIGN_IN_ERROR.databaseUnavailable}$`));
    // More requests at once than the pool has connections: none queues past the budget.
    const burst = await Promise.all(Array.from({ length: 30 }, () => timed(() => api(listPlansRoute))));
    burst.forEach((result, index) => expectOutageAnswer(result, `burst request ${index}`));
  });

  it('recovers by itself when the server is back: the same client, no restart of anything', async () => {
    await startServer();
    const first = await timed(() => api(listPlansRoute));
    expect(first.status, first.text).toBe(200);
    expect((await timed(() => callRoute(listPlansRoute, { headers: { cookie: caller.sessionCookie } }))).status).toBe(200);
    expect((await api(createPlanRoute, { method: 'POST', body: { ...CREATE_PLAN_BODY, slug: 'after-outage' }, headers: { 'Idempotency-Key': 'outage-plan' } })).status).toBe(201);
  });

  it('left nothing half-applied: the interrupted refund and the one tried during the outage never happened', async () => {
    expect(await invoiceState(interruptedInvoiceId)).toEqual(before);
    expect(await invoiceState(paidInvoiceId)).toMatchObject({ status: 'paid', amountRefunded: '0', refunds: [], audit: 0 });
    const retried = await refund(interruptedInvoiceId, { reason: 'Cut off', amount: 100_000 });
    expect(retried.status, retried.text).toBe(201);
    expect(await invoiceState(interruptedInvoiceId)).toMatchObject({ status: 'partially_refunded', amountRefunded: '100000', refunds: [{ status: 'succeeded', amount: '100000' }] });
  });

  it('a refund whose settlement meets the outage keeps its reservation, and its retry does not refund again', async () => {
    // The gateway has moved the money when the database goes away, before the refund is settled.
    const restore = usePaymentGateway({
      async refund() {
        await stopServer();
        return { status: 'succeeded', reference: 're_outage' };
      },
    });
    try {
      expectOutageAnswer(await refund(paidInvoiceId, { reason: 'Settled in the dark', amount: 200_000 }, { 'Idempotency-Key': 'settled-in-the-dark' }), 'refund settling during the outage');
    } finally {
      restore();
      await startServer();
    }
    const state = await invoiceState(paidInvoiceId);
    expect(state).toMatchObject({ status: 'partially_refunded', amountRefunded: '200000', refunds: [{ status: 'pending', amount: '200000' }] });
    expect((await api(getInvoiceRoute, { params: { id: paidInvoiceId } })).status).toBe(200);
    // The key could not be released during the outage: it stays claimed, so the retry is refused
    // (docs/SECURITY.md, "Database outage") rather than sending a second refund to the gateway.
    const retry = await refund(paidInvoiceId, { reason: 'Settled in the dark', amount: 200_000 }, { 'Idempotency-Key': 'settled-in-the-dark' });
    expect(retry.body).toMatchObject({ status: 409, code: 'idempotency_request_in_progress' });
    expect(await invoiceState(paidInvoiceId)).toEqual(state);
  });

  it('a server that accepts connections but never answers is 503 within 5 s too, however many requests queue', async () => {
    const tarpit = await listenSilently();
    const app = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };
    const real = app.prisma;
    // db() keeps its client on globalThis (lib/db.ts): for these calls, one aimed at the tarpit.
    const silent = createClient(`postgresql://postgres:postgres@127.0.0.1:${tarpit.port}/billing`, 10);
    app.prisma = silent;
    try {
      // Three times the pool at once (raw statements, which Prisma does not batch the way it
      // batches the requests' identical key lookups): the first ten time out connecting, the
      // twenty queued behind them fail then rather than each waiting out a timeout of its own.
      const statements = await Promise.all(
        Array.from({ length: 30 }, async () => {
          const started = performance.now();
          const error = await silent.$queryRaw`SELECT 1`.then(() => null, (caught: unknown) => caught);
          return { error, ms: performance.now() - started };
        }),
      );
      expect(statements.every(({ error }) => isDatabaseUnavailable(error))).toBe(true);
      const slowest = Math.max(...statements.map(({ ms }) => ms));
      console.info(`silent server: the slowest of 30 parallel statements failed after ${Math.round(slowest)} ms`);
      expect(slowest).toBeLessThan(OUTAGE_BUDGET_MS);
      expectOutageAnswer(await timed(() => api(listPlansRoute)), 'GET /plans against a silent server');
    } finally {
      await silent.$disconnect().catch(() => {});
      app.prisma = real;
      await tarpit.close();
    }
    expect((await api(listPlansRoute)).status).toBe(200);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A TCP server that accepts connections and never says a word: a hung or black-holed database. */
async function listenSilently(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const tarpit: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  const tarpitPort = await freePort();
  await new Promise<void>((resolve) => tarpit.listen(tarpitPort, '127.0.0.1', resolve));
  return {
    port: tarpitPort,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        tarpit.close(() => resolve());
      }),
  };
}
