// The server Playwright tests against: `npm start` (production build) on a throwaway embedded
// PostgreSQL and state directory, seeded with the demo data, removed when the run ends.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../lib/db/free-port';

const root = mkdtempSync(path.join(tmpdir(), 'billing-e2e-'));
chmodSync(root, 0o755);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  STATE_DIR: root,
  EMBEDDED_PG_PORT: String(await freePort()),
  SEED: 'true',
  // Deleted when the run ends: PostgreSQL need not wait for the disk (lib/db/embedded-postgres.ts).
  EMBEDDED_PG_THROWAWAY: 'true',
};
delete env.DATABASE_URL;

const child = spawn('npx', ['tsx', 'scripts/start.ts'], { stdio: 'inherit', env });
const cleanup = () => rmSync(root, { recursive: true, force: true });
child.on('exit', (code) => {
  cleanup();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
