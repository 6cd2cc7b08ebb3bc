import { z } from 'zod';
import { createDocument, type oas31, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import type { TApiOperation } from './api-operation';
import { ZContentDispositionHeader, ZVaryHeader } from './csv-response';
import { documentedOperations } from './documented-operations';
import { errorResponses } from './error-responses';
import {
  ZAttachmentHeader, ZCacheControlRevalidateHeader, ZETagHeader, ZIdempotencyKeyHeader, ZIdempotentReplayedHeader, ZIfNoneMatchHeader, ZRateLimitHeaders, ZRequestIdHeader,
} from './http-headers';
import { SCHEMA_COMPONENTS, TAGS } from './operations';
import { API_BASE_PATH } from './paths';

/*
 * Generated with zod-openapi (samchungy), pinned at 5.4.6: it reads zod 4's own `.meta()` and
 * JSON Schema conversion (no monkey-patching of zod), renders request bodies in a schema's input
 * shape and responses in its output shape (our schemas use defaults and transforms), and emits
 * OpenAPI 3.1. 5.x is its last line that supports Node 20 (6.x needs Node 22).
 */

const DESCRIPTION = `Billing plans, coupons, add-ons, invoices, refunds and analytics of the messaging SaaS — **super-admin only**.

- **Authentication**: an API key (\`Authorization: Bearer bk_…\`, issued on the console's API keys page) or the console's session cookie. No or bad credentials: 401; a role other than \`super_admin\`: 403.
- **Money** is a JSON number in major units (\`799000\` IDR is Rp 799.000), with at most the currency's decimals (IDR 0, USD 2); more is 400.
- **Errors** are \`application/problem+json\` (RFC 9457) with a stable \`code\` and, for bad fields, \`errors: [{ path, message }]\`. Unknown body fields are 400. An id that is not a UUID is 404.
- **Idempotency**: every POST accepts an \`Idempotency-Key\` header (1–255 characters).
- **Methods**: a method a path does not have is 405 \`method_not_allowed\` (problem+json) with \`Allow\` listing the ones it has.
- **CSV**: each list has a \`GET <list>.csv\` operation (\`/plans.csv\`, \`/invoices.csv\`, …). The list's own path answers the same CSV for \`?format=csv\` or an \`Accept\` that prefers \`text/csv\` (for download links); any other \`format\` than \`csv\` or \`json\` is 400 \`invalid_format\`.
- **Conditional GETs**: the plan, coupon and add-on lists and a plan, coupon, add-on or invoice answer with an \`ETag\` and \`Cache-Control: private, no-cache\`; send the tag back as \`If-None-Match\` and an unchanged answer is 304 with no body (after the credentials and role checks).
- **Rate limit**: each API key (and each signed-in user) may make 600 requests per minute by default (\`RATE_LIMIT_PER_MINUTE\`); past it, 429 \`rate_limited\` with \`Retry-After\`. Answers carry \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\`.`;

const SECURITY_SCHEMES: Record<string, oas31.SecuritySchemeObject> = {
  apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'bk_…', description: 'An API key of a super-admin: `Authorization: Bearer bk_…` (create one on the API keys page; the secret is shown once).' },
  sessionCookie: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'The console\'s sign-in session (named `__Secure-next-auth.session-token` over HTTPS). Requests from this page send it.' },
};

function successResponse(operation: TApiOperation) {
  const { response } = operation;
  const isCsv = response.mediaType === 'text/csv';
  const headers = z.object({
    'X-Request-Id': ZRequestIdHeader,
    ...ZRateLimitHeaders,
    ...(operation.method === 'post' ? { 'Idempotent-Replayed': ZIdempotentReplayedHeader } : {}),
    // A list with a CSV rendering varies on Accept, on its own path as on the `.csv` one (the same handler).
    ...(operation.csv || isCsv || operation.conditional ? { Vary: ZVaryHeader } : {}),
    ...(operation.conditional ? { ETag: ZETagHeader, 'Cache-Control': ZCacheControlRevalidateHeader } : {}),
    ...(isCsv ? { 'Content-Disposition': ZContentDispositionHeader } : {}),
    ...(response.mediaType === 'application/pdf' ? { 'Content-Disposition': ZAttachmentHeader } : {}),
  });
  const example = response.example === undefined ? {} : { example: response.example };
  const content = { [response.mediaType ?? 'application/json']: { schema: response.schema, ...example } };
  return {
    [response.status]: { description: response.description, headers, content },
    ...(operation.conditional ? { 304: notModifiedResponse() } : {}),
  };
}

/** lib/http/conditional-get.ts: If-None-Match named the current tag. */
function notModifiedResponse() {
  return {
    description: 'Not modified: `If-None-Match` named the current `ETag`. No body; the answer you hold is current.',
    headers: z.object({ 'X-Request-Id': ZRequestIdHeader, ...ZRateLimitHeaders, ETag: ZETagHeader, 'Cache-Control': ZCacheControlRevalidateHeader, Vary: ZVaryHeader }),
  };
}

/** Every `{name}` of a path is a UUID (SPEC §3: anything else is 404). */
function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}
const PATH_PARAMETER_DESCRIPTIONS: Record<string, string> = {
  id: 'The record\'s id (a UUID). Anything else is 404.',
  creditNoteId: 'The credit note\'s id (a UUID), one of this invoice\'s `credit_notes`. Anything else is 404.',
};

function toOperationObject(operation: TApiOperation, method = operation.method): ZodOpenApiOperationObject {
  const { body, query } = operation;
  const isAlias = method !== operation.method;
  return {
    operationId: isAlias ? `${operation.operationId}Put` : operation.operationId,
    summary: isAlias ? `${operation.summary} (PUT alias)` : operation.summary,
    ...(operation.description || isAlias ? { description: [isAlias ? 'Same as PATCH: a partial update (SPEC §3).' : '', operation.description ?? ''].filter(Boolean).join(' ') } : {}),
    tags: [operation.tag],
    requestParams: {
      ...(pathParameters(operation.path).length ? { path: z.object(Object.fromEntries(pathParameters(operation.path).map((name) => [name, z.uuid().meta({ description: PATH_PARAMETER_DESCRIPTIONS[name] ?? `The ${name} (a UUID). Anything else is 404.` })]))) } : {}),
      ...(query ? { query } : {}),
      ...(method === 'post' ? { header: z.object({ 'Idempotency-Key': ZIdempotencyKeyHeader }) } : {}),
      ...(operation.conditional && !isAlias ? { header: z.object({ 'If-None-Match': ZIfNoneMatchHeader }) } : {}),
    },
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body.schema, example: body.example } } } } : {}),
    responses: { ...successResponse(operation), ...errorResponses(operation) },
  };
}

function buildPaths(): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const { method, path, operation } of documentedOperations()) {
    paths[path] = { ...paths[path], [method]: toOperationObject(operation, method as TApiOperation['method']) };
  }
  return paths;
}

let cached: oas31.OpenAPIObject | undefined;

/** The OpenAPI 3.1 document of the API, generated from the zod schemas its handlers parse with. */
export function buildOpenApiDocument(): oas31.OpenAPIObject {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Billing Admin API',
      version: '1.0.0',
      description: DESCRIPTION,
      contact: { name: 'The billing platform team, who run this console' },
      license: { name: 'Proprietary: for this deployment and its operators only' },
    },
    servers: [{ url: API_BASE_PATH, description: 'This deployment' }],
    tags: TAGS,
    security: [{ apiKey: [] }, { sessionCookie: [] }],
    components: { schemas: SCHEMA_COMPONENTS, securitySchemes: SECURITY_SCHEMES },
    paths: buildPaths(),
  });
  return cached;
}
