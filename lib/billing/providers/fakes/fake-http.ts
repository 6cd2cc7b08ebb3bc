import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How a fake provider answers its next refund calls (tests set it; the demo runs `pending_then_webhook` or `succeed`). */
export type TFakeMode =
  | { kind: 'succeed' }
  | { kind: 'pending' }
  | { kind: 'pending_then_webhook'; afterMs: number; outcome: 'succeeded' | 'failed' }
  | { kind: 'fail' }
  | { kind: 'error'; status: number; code: string; message: string }
  | { kind: 'server_error' }
  | { kind: 'timeout' }
  | { kind: 'slow'; delayMs: number };

export interface TFakeRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TFakeAnswer {
  status: number;
  body: unknown;
  /** Never answer (the caller's timeout must end it). */
  hang?: boolean;
  delayMs?: number;
}

/** A small HTTP server on 127.0.0.1 and a random port; `close` also ends the connections it holds open. */
export async function startFakeHttp(handle: (request: TFakeRequest) => Promise<TFakeAnswer>): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      handle({ method: request.method ?? 'GET', path: url.pathname, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
        .then(async (answer) => {
          if (answer.hang) return;
          if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
          response.writeHead(answer.status, { 'Content-Type': 'application/json', 'Request-Id': `req_fake_${Date.now()}` });
          response.end(JSON.stringify(answer.body));
        })
        .catch((error: unknown) => {
          response.writeHead(500, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify({ error: String(error) }));
        });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Where a fake sends its webhooks: the app's URL, or (in-process tests) a function that calls the route. */
export interface TWebhookTarget {
  url?: string;
  send?: (body: string, headers: Record<string, string>) => Promise<number>;
}

/** Posts a webhook to the app and returns its status; the fake retries nothing. */
export async function deliverWebhook(target: TWebhookTarget, body: string, headers: Record<string, string>): Promise<number> {
  const withType = { 'content-type': 'application/json', ...headers };
  if (target.send) return target.send(body, withType);
  const response = await fetch(target.url!, { method: 'POST', headers: withType, body });
  await response.text();
  return response.status;
}
