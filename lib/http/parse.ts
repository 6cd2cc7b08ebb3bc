import type { z } from 'zod';
import { BillingError, badRequest, notFound, validationFailed, type FieldError } from '@/lib/errors';

/** Bodies larger than this are refused with 413 before being parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else names nothing that exists, so it is 404, never 500 (SPEC §3). */
export function parseId(raw: string | undefined, entity: string): string {
  if (!raw || !UUID.test(raw)) throw notFound(entity);
  return raw.toLowerCase();
}

export function isUuid(raw: string): boolean {
  return UUID.test(raw);
}

/** zod issues as `{ path, message }` per bad field; unknown keys get one entry each. */
export function zodIssuesToFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'Unknown field.' }));
    }
    return [{ path: base, message: issue.message }];
  });
}

export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const unstorable = findUnstorableText(input);
  if (unstorable) throw validationFailed([unstorable]);
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(zodIssuesToFieldErrors(result.error));
  return result.data;
}

const UNSTORABLE_TEXT_MESSAGE = 'Text must be valid Unicode without NUL (U+0000) characters.';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const isStorableText = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/**
 * The first string (value or key) PostgreSQL cannot store as sent: `text` refuses U+0000 (the
 * insert fails, which was a 500), and a lone UTF-16 surrogate would be stored silently as U+FFFD.
 * Checked for every body, query and server-action input before its schema, so no operation meets
 * one. Iterative: a body may nest thousands deep.
 */
function findUnstorableText(input: unknown): FieldError | undefined {
  const stack: [unknown, string][] = [[input, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return { path, message: UNSTORABLE_TEXT_MESSAGE };
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const child = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) return { path: child, message: UNSTORABLE_TEXT_MESSAGE };
        stack.push([item, child]);
      }
    }
  }
  return undefined;
}

/** Reads a JSON body (size-limited, content-type checked) and validates it with `schema`. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  return parseWith(schema, await readJson(request));
}

export async function readJson(request: Request): Promise<unknown> {
  return parseJsonText(await readBodyText(request), request.headers.get('content-type'));
}

/** An empty body is `{}`; anything else must be JSON sent as JSON. */
export function parseJsonText(text: string, contentType: string | null): unknown {
  if (text.trim() === '') return {};
  const type = contentType ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new BillingError(415, 'unsupported_media_type', 'Send the body as JSON with `Content-Type: application/json`.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('invalid_json', 'The body is not valid JSON.');
  }
}

export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Query parameters as a plain object (repeated keys: the last wins) validated with `schema`. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = new URL(request.url).searchParams;
  return parseWith(schema, Object.fromEntries(params.entries()));
}

function tooLarge(maxBytes: number): BillingError {
  return new BillingError(413, 'payload_too_large', `Request bodies are limited to ${maxBytes / 1024} KiB.`);
}
