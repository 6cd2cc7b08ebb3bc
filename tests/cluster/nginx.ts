import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../lib/db/free-port';
import { postgresUser } from '../../scripts/lib/run-as-postgres';
import { stopChild } from '../../scripts/lib/test-harness';

export interface TBalancer {
  origin: string;
  /** The balancer's own access log: which upstream served each request, and its status. */
  accessLog(): { upstream: string; status: number; method: string; uri: string }[];
  stop(): Promise<void>;
}

/**
 * Debian's nginx as the load balancer: round robin over `upstreams`, HTTP/1.1 keep-alive to them,
 * the client's address appended to X-Forwarded-For (the app's TRUST_PROXY=1). A POST that fails
 * on one instance is not retried on the other (nginx retries only idempotent methods, and the
 * tests would see it: every execution is counted). Runs unprivileged, from `dir`.
 */
export async function startNginx(options: { dir: string; upstreams: string[]; binary?: string; port?: number }): Promise<TBalancer> {
  const port = options.port ?? (await freePort());
  const user = postgresUser();
  mkdirSync(options.dir, { recursive: true });
  const conf = path.join(options.dir, 'nginx.conf');
  const log = path.join(options.dir, 'access.log');
  const temp = (name: string) => `${name}_temp_path ${path.join(options.dir, name)};`;
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${path.join(options.dir, 'nginx.pid')};
error_log ${path.join(options.dir, 'error.log')} warn;
events { worker_connections 2048; }
http {
  log_format upstreams '$upstream_addr $status $request_method $uri';
  access_log ${log} upstreams;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  upstream app {
    ${options.upstreams.map((upstream) => `server ${upstream} max_fails=0;`).join('\n    ')}
    keepalive 64;
    # Below Node's 5 s keepAliveTimeout (next start's default): otherwise nginx may send a request on
    # an idle upstream connection the instance is closing, and answer 502 (a POST is not retried).
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 2m;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 120s;
    }
  }
}
`,
  );
  chownSync(options.dir, user.uid, user.gid);
  chownSync(conf, user.uid, user.gid);
  const child = spawn(options.binary ?? 'nginx', ['-c', conf, '-p', options.dir, '-e', path.join(options.dir, 'error.log'), '-g', 'daemon off;'], {
    uid: user.uid,
    gid: user.gid,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const origin = `http://127.0.0.1:${port}`;
  await waitForPort(origin, child, () => output);
  return {
    origin,
    accessLog: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [upstream, status, method, uri] = line.split(' ');
          return { upstream: upstream!, status: Number(status), method: method!, uri: uri! };
        }),
    stop: () => stopChild(child, 'SIGQUIT'), // graceful: workers finish their requests
  };
}

async function waitForPort(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${output()}`);
    try {
      await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`nginx did not answer: ${String(error)} ${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

