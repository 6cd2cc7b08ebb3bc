// The floor: the benchmarked endpoints served by plain Node `http` + `pg`, with the same
// authentication cost (SHA-256 of the bearer secret, looked up by its unique index) and the same
// SQL as the app, and nothing else — no framework, no validation library, no ORM, no logging.
// Whatever the app needs beyond this is what Next, Prisma and our own layers add.
// Run: DATABASE_URL=… PORT=… npx tsx bench/api/floor-server.ts
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const PREFIX = '/api/v1/admin/billing';
const REFUND_PATH = /^\/api\/v1\/admin\/billing\/invoices\/([0-9a-f-]{36})\/refund$/;

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => send(response, 500, { error: String(error) }));
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`floor listening on ${typeof address === 'object' && address ? address.port : '?'}`);
});
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://floor');
  const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!bearer) return send(response, 401, { code: 'unauthenticated' });
  const key = await pool.query<{ id: string; role: string; revoked_at: Date | null }>(
    'SELECT id, role, revoked_at FROM api_keys WHERE secret_hash = $1',
    [createHash('sha256').update(bearer).digest('hex')],
  );
  const actor = key.rows[0];
  if (!actor || actor.revoked_at) return send(response, 401, { code: 'unauthenticated' });
  if (actor.role !== 'super_admin') return send(response, 403, { code: 'forbidden' });

  if (request.method === 'GET' && url.pathname === `${PREFIX}/plans`) {
    const plans = await pool.query('SELECT * FROM plans ORDER BY sort_order ASC, created_at ASC, id ASC');
    return send(response, 200, plans.rows);
  }
  if (request.method === 'GET' && url.pathname === `${PREFIX}/invoices`) return listInvoices(url, response);
  const refund = REFUND_PATH.exec(url.pathname);
  if (request.method === 'POST' && refund?.[1]) return refundInvoice(refund[1], JSON.parse(await readBody(request)), actor.id, response);
  return send(response, 404, { code: 'not_found' });
}

async function listInvoices(url: URL, response: ServerResponse): Promise<void> {
  const limit = Number(url.searchParams.get('limit') ?? 25);
  const after = url.searchParams.get('starting_after');
  let rows;
  if (after) {
    const cursor = await pool.query<{ id: string; created_at: Date }>('SELECT id, created_at FROM invoices WHERE id = $1', [after]);
    if (!cursor.rows[0]) return send(response, 400, { code: 'invalid_cursor' });
    rows = await pool.query(LIST_AFTER, [cursor.rows[0].created_at, cursor.rows[0].id, limit + 1]);
  } else {
    rows = await pool.query(LIST_FIRST, [limit + 1]);
  }
  const page = rows.rows.slice(0, limit);
  const hasMore = rows.rows.length > limit;
  send(response, 200, { data: page, has_more: hasMore, next_cursor: hasMore ? page.at(-1)?.id : null });
}

// The keyset condition exactly as the app's list query states it (lib/billing/invoices/list-invoices.ts).
const SELECT_PAGE = 'SELECT i.*, o.name AS organization_name FROM invoices i JOIN organizations o ON o.id = i.organization_id';
const LIST_AFTER = `${SELECT_PAGE}
  WHERE i.created_at <= $1 AND (i.created_at < $1 OR (i.created_at = $1 AND i.id < $2))
  ORDER BY i.created_at DESC, i.id DESC LIMIT $3`;
const LIST_FIRST = `${SELECT_PAGE} ORDER BY i.created_at DESC, i.id DESC LIMIT $1`;

/** Lock, check, update, insert: the refund's transaction, settled at once as by the default gateway. */
async function refundInvoice(invoiceId: string, input: { amount: number; reason: string }, apiKeyId: string, response: ServerResponse): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query<{ currency: string; status: string; amount_paid: string; amount_refunded: string }>(
      'SELECT currency, status, amount_paid, amount_refunded FROM invoices WHERE id = $1 FOR UPDATE',
      [invoiceId],
    );
    const invoice = locked.rows[0];
    if (!invoice) return await rollback(client, response, 404, 'not_found');
    if (invoice.status !== 'paid' && invoice.status !== 'partially_refunded') return await rollback(client, response, 409, 'invoice_not_refundable');
    // numeric(18,4) as strings; whole-rupiah amounts stay exact in a double far below 2^53.
    const refunded = Number(invoice.amount_refunded) + input.amount;
    if (refunded > Number(invoice.amount_paid)) return await rollback(client, response, 422, 'refund_exceeds_refundable');
    const status = refunded >= Number(invoice.amount_paid) ? 'refunded' : 'partially_refunded';
    await client.query('UPDATE invoices SET amount_refunded = $2, status = $3, updated_at = now() WHERE id = $1', [invoiceId, refunded, status]);
    const refund = await client.query(
      `INSERT INTO refunds (id, invoice_id, amount, currency, reason, status, gateway_ref, actor_api_key_id)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'succeeded', 're_floor', $5) RETURNING *`,
      [invoiceId, input.amount, invoice.currency, input.reason, apiKeyId],
    );
    await client.query('COMMIT');
    send(response, 201, { status: 'succeeded', refund_amount: input.amount, invoice_status: status, refund: refund.rows[0] });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function rollback(client: pg.PoolClient, response: ServerResponse, status: number, code: string): Promise<void> {
  await client.query('ROLLBACK');
  send(response, status, { code });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
