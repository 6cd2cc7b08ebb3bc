import { ApiProblemError, requestJson } from '@/components/ui/request-json';

/**
 * A POST/PATCH to the REST API with the session cookie and a fresh Idempotency-Key (a double click
 * or a retry replays the first answer instead of acting twice).
 */
export function sendJson<T>(path: string, body: unknown, method: 'POST' | 'PATCH' = 'POST'): Promise<T> {
  return requestJson(`/api/v1/admin/billing${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(method === 'POST' ? { 'Idempotency-Key': crypto.randomUUID() } : {}) },
    body: JSON.stringify(body ?? {}),
  }).then((result) => result as T);
}

/** A problem's field errors by field (`addons.0.quantity` → `addons`), and its sentence for the form. */
export function problemMessages(error: unknown): { message: string; fields: Record<string, string> } {
  if (!(error instanceof ApiProblemError)) return { message: 'Something went wrong; try again.', fields: {} };
  const fields: Record<string, string> = {};
  for (const item of error.problem.errors ?? []) fields[item.path.split('.')[0] ?? ''] ??= item.message;
  return { message: error.problem.detail, fields };
}
