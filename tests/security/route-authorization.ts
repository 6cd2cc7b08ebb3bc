import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db';
import { isMethodRefusal } from '@/lib/http/method-refusal';
import { PROBLEM_CONTENT_TYPE } from '@/lib/http/problem';
import { credentialsFor } from '@/tests/integration/actors';
import { callRoute, type CallResult } from '@/tests/integration/call-route';
import { HTTP_METHODS, type TRouteHandler } from '@/scripts/lib/in-process/route-handlers';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const API_ROOT = 'app/api';
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The only handlers under app/api that answer without super_admin credentials, and why. Anything
 * else found on the filesystem is in the matrix.
 */
export const PUBLIC_ROUTES: { folder: string; methods: readonly string[]; required: boolean; reason: string }[] = [
  {
    folder: 'auth/[...nextauth]',
    methods: HTTP_METHODS,
    required: true,
    reason: 'next-auth itself: the sign-in, CSRF token and session endpoints an anonymous browser must reach to sign in.',
  },
  {
    folder: 'v1/webhooks/xendit',
    methods: ['POST'],
    required: true,
    reason: 'SPEC §12: Xendit\'s callbacks carry no session or key; each is verified by its x-callback-token (constant-time) before anything is stored (lib/billing/webhooks, tests/security/fuzz-webhooks).',
  },
  {
    folder: 'v1/webhooks/stripe',
    methods: ['POST'],
    required: true,
    reason: 'SPEC §12: Stripe\'s events carry no session or key; each is verified by the SDK\'s constructEvent on the raw body before anything is stored.',
  },
  {
    folder: 'v1/admin/billing/openapi.json',
    methods: ['GET'],
    required: false,
    reason: 'SPEC §3: the OpenAPI document is public — it describes the API and holds no data.',
  },
  {
    folder: 'health',
    methods: ['GET'],
    required: true,
    reason: 'SPEC §13: liveness for load balancers and orchestrators, which hold no credentials; it answers {status:"ok"} and reads nothing.',
  },
  {
    folder: 'ready',
    methods: ['GET'],
    required: true,
    reason: 'SPEC §13: readiness for load balancers; it says only whether the database answers and the migrations are applied.',
  },
];

export interface TRouteUnderTest {
  /** The folder under app/api, as a reader finds the file: `v1/admin/billing/plans/[id]`. */
  folder: string;
  method: string;
  handler: TRouteHandler;
}

/** Every exported HTTP method of every route.ts under app/api, read from the filesystem and imported (a 405 refusal of lib/http/other-methods.ts is not a handler). */
export async function discoverRouteHandlers(): Promise<TRouteUnderTest[]> {
  const directory = path.join(ROOT, API_ROOT);
  const files = readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === 'route.ts').sort();
  const routes: TRouteUnderTest[] = [];
  for (const file of files) {
    const folder = path.dirname(file).split(path.sep).join('/');
    const exported = (await import(path.join(directory, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = exported[method];
      if (typeof handler === 'function' && !isMethodRefusal(handler)) routes.push({ folder, method, handler: handler as TRouteHandler });
    }
  }
  return routes;
}

export function isPublicRoute(route: { folder: string; method: string }): boolean {
  return PUBLIC_ROUTES.some((entry) => entry.folder === route.folder && entry.methods.includes(route.method));
}

/** A concrete URL and params for a route folder: every dynamic segment gets a random UUID. */
export function concreteRequest(folder: string): { path: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const segments = folder.split('/').map((segment) => {
    const value = randomUUID();
    const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(segment);
    const dynamic = /^\[(\w+)\]$/.exec(segment);
    if (catchAll) params[catchAll[1]!] = [value];
    else if (dynamic) params[dynamic[1]!] = value;
    else return segment;
    return value;
  });
  return { path: `/api/${segments.join('/')}`, params };
}

export type TExpectation = 'unauthenticated' | 'forbidden' | 'cross_origin' | 'allowed';

/** One column of the matrix: a way of calling (or failing to authenticate), and what it must get. */
export interface TCredentialColumn {
  name: string;
  /** What the cell must get, the same for every method or depending on it. */
  expect: TExpectation | ((method: string) => TExpectation);
  headers: Record<string, string>;
}

export const expectationFor = (column: TCredentialColumn, method: string): TExpectation => (typeof column.expect === 'function' ? column.expect(method) : column.expect);

/** Real users and API keys of every role in the test database, plus the ways a credential goes wrong. */
export async function credentialColumns(): Promise<TCredentialColumn[]> {
  const [superAdmin, admin, support, revoked] = await Promise.all([
    credentialsFor('super_admin'),
    credentialsFor('admin'),
    credentialsFor('support'),
    credentialsFor('super_admin'),
  ]);
  // A super_admin's key, revoked: revocation must beat the strongest role.
  await db().apiKey.updateMany({ where: { createdById: revoked.userId }, data: { revokedAt: new Date() } });
  return [
    { name: 'anonymous', expect: 'unauthenticated', headers: {} },
    { name: 'admin session', expect: 'forbidden', headers: { cookie: admin.sessionCookie } },
    { name: 'admin API key', expect: 'forbidden', headers: { authorization: admin.bearer } },
    { name: 'support session', expect: 'forbidden', headers: { cookie: support.sessionCookie } },
    { name: 'support API key', expect: 'forbidden', headers: { authorization: support.bearer } },
    { name: 'revoked super_admin API key', expect: 'unauthenticated', headers: { authorization: revoked.bearer } },
    { name: 'unknown well-formed API key', expect: 'unauthenticated', headers: { authorization: `Bearer bk_${randomBytes(32).toString('base64url')}` } },
    { name: 'malformed Authorization header', expect: 'unauthenticated', headers: { authorization: 'Basic c3VwZXJhZG1pbjpwYXNz' } },
    // The header alone decides: a valid super_admin cookie riding along must not rescue a bad key.
    { name: 'bad bearer beside a super_admin session', expect: 'unauthenticated', headers: { authorization: 'Bearer not-a-key', cookie: superAdmin.sessionCookie } },
    { name: 'super_admin session', expect: 'allowed', headers: { cookie: superAdmin.sessionCookie } },
    // CSRF: a browser on a foreign page sends the cookie along; only reads may pass.
    {
      name: 'super_admin session from a foreign Origin',
      expect: (method) => (method === 'GET' ? 'allowed' : 'cross_origin'),
      headers: { cookie: superAdmin.sessionCookie, origin: 'https://evil.example' },
    },
    { name: 'super_admin API key', expect: 'allowed', headers: { authorization: superAdmin.bearer } },
  ];
}

const EXPECTED: Record<Exclude<TExpectation, 'allowed'>, { status: number; code: string }> = {
  unauthenticated: { status: 401, code: 'unauthenticated' },
  forbidden: { status: 403, code: 'forbidden' },
  cross_origin: { status: 403, code: 'cross_origin_request' },
};

/**
 * Calls `route` as `column` and says what is wrong, or null when the cell holds. Denied cells must
 * be the guard's problem+json; allowed cells anything but 401/403/5xx (a 404 for the random id
 * proves the guard let the caller through). The same function judges the canaries.
 */
export async function checkCell(route: TRouteUnderTest, column: TCredentialColumn): Promise<string | null> {
  const where = `${route.method} ${route.folder} as ${column.name}`;
  const { path: url, params } = concreteRequest(route.folder);
  let result: CallResult;
  try {
    result = await callRoute(route.handler, { method: route.method, path: url, params, headers: column.headers, ...(WITH_BODY.has(route.method) ? { body: {} } : {}) });
  } catch (error) {
    return `${where}: threw ${String(error)}`;
  }
  const expectation = expectationFor(column, route.method);
  if (expectation === 'allowed') {
    return [401, 403].includes(result.status) || result.status >= 500 ? `${where}: expected to pass the guard, got ${result.status} ${result.text.slice(0, 200)}` : null;
  }
  const { status, code } = EXPECTED[expectation];
  const problems = [
    result.status !== status && `status ${result.status}, expected ${status}`,
    result.headers.get('content-type') !== PROBLEM_CONTENT_TYPE && `content-type ${result.headers.get('content-type')}`,
    result.body?.code !== code && `code ${JSON.stringify(result.body?.code)}, expected ${code}`,
    result.body?.status !== status && `body status ${JSON.stringify(result.body?.status)}`,
  ].filter(Boolean);
  return problems.length ? `${where}: ${problems.join('; ')}` : null;
}
