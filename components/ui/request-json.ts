import type { TProblem } from '@/lib/http/problem';

// The browser reads and writes through the public REST endpoints (STYLE rule 7), authenticated by
// the session cookie: one API, one set of rules. Bodies are typed by the caller, not parsed: the
// API built them from the Z… schemas, and its contract tests hold it to them; parsing them again
// would put zod in the pages' first load.

/** The API's problem+json, thrown so react-query and dialogs can show `detail` and act on `code`. */
export class ApiProblemError extends Error {
  constructor(readonly problem: TProblem) {
    super(problem.detail);
    this.name = 'ApiProblemError';
  }
}

/** A JSON request with the session cookie; anything but 2xx throws ApiProblemError. */
export async function requestJson(url: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiProblemError(problem(0, 'network_error', 'The server could not be reached. Check your connection and try again.'));
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body;
  throw new ApiProblemError(isProblem(body) ? body : problem(response.status, 'http_error', `The request failed (HTTP ${response.status}).`));
}

/** react-query's retry: a 4xx (bad filter, signed out) will not change by asking again. */
export function retryUnlessClientError(failures: number, error: Error): boolean {
  return !(error instanceof ApiProblemError && error.problem.status >= 400 && error.problem.status < 500) && failures < 2;
}

function isProblem(body: unknown): body is TProblem {
  return typeof body === 'object' && body !== null && typeof (body as TProblem).code === 'string' && typeof (body as TProblem).detail === 'string';
}

function problem(status: number, code: string, detail: string): TProblem {
  return { type: 'about:blank', title: 'Error', status, code, detail };
}
