import { NextRequest } from 'next/server';
import { expect } from 'vitest';
import { setLogDestination } from '@/lib/log';
import { PROBLEM_CONTENT_TYPE } from '@/lib/http/problem';
import type { TRouteHandler } from '@/scripts/lib/in-process/route-handlers';
import { changedTables, databaseFingerprint } from './database-fingerprint';

/** Generated cases per property: FUZZ_RUNS for a longer run (`npm run test:fuzz`), else the CI default. */
export function fuzzRuns(ciDefault: number): number {
  const runs = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : ciDefault;
}

export interface TRawRequest {
  method: string;
  path: string;
  params: Record<string, unknown>;
  headers: Record<string, string>;
  /** Sent as is; undefined: no body. */
  body?: string;
}

export interface TRawResult {
  status: number;
  contentType: string | null;
  text: string;
}

/** Calls a handler in-process with exactly these bytes and headers (no content-type added, unlike callRoute). */
export async function sendRaw(handler: TRouteHandler, request: TRawRequest): Promise<TRawResult> {
  const nextRequest = new NextRequest(new URL(request.path, 'http://localhost:3000'), { method: request.method, headers: request.headers, body: request.body });
  const response = await handler(nextRequest, { params: Promise.resolve(request.params) });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** What is wrong with a 4xx as RFC 9457 problem+json in the documented shape (SPEC §3), or []. */
export function problemShapeErrors(result: TRawResult): string[] {
  const errors: string[] = [];
  if (result.contentType !== PROBLEM_CONTENT_TYPE) errors.push(`content-type ${result.contentType}`);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(result.text);
  } catch {
    return [...errors, `body is not JSON: ${result.text.slice(0, 120)}`];
  }
  for (const field of ['type', 'title', 'detail', 'code'] as const) {
    if (typeof body[field] !== 'string' || body[field] === '') errors.push(`${field} is ${JSON.stringify(body[field])}`);
  }
  if (body.status !== result.status) errors.push(`body status ${JSON.stringify(body.status)} ≠ ${result.status}`);
  if (typeof body.code === 'string' && !/^[a-z][a-z0-9_]*$/.test(body.code)) errors.push(`code ${body.code} is not a stable machine string`);
  if (body.errors !== undefined) {
    const fieldErrors = body.errors;
    if (!Array.isArray(fieldErrors) || !fieldErrors.every((item) => typeof item?.path === 'string' && typeof item?.message === 'string')) {
      errors.push(`errors is not [{ path, message }]: ${JSON.stringify(fieldErrors).slice(0, 120)}`);
    }
  }
  return errors;
}

/**
 * Watches a fuzz run: every response is judged (never 5xx, 4xx in the problem shape, no error
 * logged, no prototype polluted), and a rejected request must leave the database exactly as it
 * was. Accepted requests (a generated body that happens to be valid) may change it; the next
 * comparison starts from there.
 */
export async function fuzzWatch() {
  const errorLines: string[] = [];
  setLogDestination({ write: (line: string) => void errorLines.push(line) }, 'error');
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort().join();
  let fingerprint = await databaseFingerprint();
  let sent = 0;
  const statuses = new Map<number, number>();

  return {
    get sent() {
      return sent;
    },
    statuses,
    async judge(what: string, result: TRawResult, expectedStatus?: number): Promise<void> {
      sent++;
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      const where = `${what} → ${result.status} ${result.text.slice(0, 300)}`;
      const before = fingerprint;
      // Taken before any assertion, so a failure does not make every later request look guilty.
      fingerprint = await databaseFingerprint();
      const logged = errorLines.splice(0);
      expect(result.status, where).toBeLessThan(500);
      if (expectedStatus !== undefined) expect(result.status, where).toBe(expectedStatus);
      if (result.status >= 400) expect(problemShapeErrors(result), where).toEqual([]);
      expect(logged, where).toEqual([]);
      expect(Object.getOwnPropertyNames(Object.prototype).sort().join(), `${where}: Object.prototype changed`).toBe(prototypeNames);
      expect(({} as Record<string, unknown>).polluted, `${where}: Object.prototype polluted`).toBeUndefined();
      if (result.status >= 400) expect(changedTables(before, fingerprint), `${where}: a rejected request changed the database`).toEqual([]);
    },
    stop() {
      setLogDestination(null);
    },
  };
}
