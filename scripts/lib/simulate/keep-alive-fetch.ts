import http from 'node:http';

/** What the simulation reads of an answer: the status, a header, the body's text (a fetch Response has all three). */
export interface TSimResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface TSimRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** How the simulation sends a request: HTTP (keepAliveFetch) or the route handlers in-process (a fetch). */
export type TSimFetch = (url: string, init: TSimRequest) => Promise<TSimResponse>;

/**
 * HTTP/1.1 over kept-alive connections with node:http, for the simulator's hundreds of requests a
 * second: the same requests as fetch, at a fraction of the client's CPU (fetch builds WHATWG
 * streams, Headers and a Response per request; the simulator shares the machine's two cores with
 * the server and PostgreSQL). Idle connections are closed before the server's keep-alive timeout
 * (Node's default, 5 s); a request that still meets a connection the server closed
 * (ECONNRESET on a reused socket, so the server never read it) is sent once more.
 */
export function keepAliveFetch(): TSimFetch {
  // One connection per request in flight, as many as the callers keep in flight.
  const agent = new http.Agent({ keepAlive: true, timeout: 4_000 });
  const send = (url: string, init: TSimRequest, again: boolean): Promise<TSimResponse> =>
    new Promise((resolve, reject) => {
      const headers = init.body === undefined ? init.headers : { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) };
      const request = http.request(url, { method: init.method, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: { get: (name) => { const value = response.headers[name.toLowerCase()]; return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value; } },
            text: () => Promise.resolve(text),
          });
        });
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (again && request.reusedSocket && error.code === 'ECONNRESET') resolve(send(url, init, false));
        else reject(error);
      });
      request.end(init.body);
    });
  return (url, init) => send(url, init, true);
}
