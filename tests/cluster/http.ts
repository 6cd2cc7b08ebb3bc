/** A small HTTP client for the cluster test: JSON in and out, the problem code on errors. */
export interface TResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- checked by each scenario
  headers: Headers;
}

export async function request(origin: string, path: string, init: { method?: string; auth?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<TResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.auth) headers.authorization = `Bearer ${init.auth}`;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.cookie && init.method && init.method !== 'GET') headers.origin = origin;
  const response = await fetch(`${origin}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // HTML or empty: kept as text.
  }
  return { status: response.status, body, headers: response.headers };
}

/** Signs in through next-auth's credentials flow (CSRF token, then the callback) and returns the session cookie. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  const callback = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  const session = callback.headers.getSetCookie().find((cookie) => cookie.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in on ${origin} set no session cookie (status ${callback.status})`);
  return session.split(';')[0]!;
}
