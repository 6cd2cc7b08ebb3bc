import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { freePort } from '../../lib/db/free-port';
import { migrateDatabase } from '../../lib/db/migrations';

export interface TBenchDatabase {
  url: string;
  /** The PostgreSQL server process (its backends are its children), for CPU accounting. */
  postmasterPid(): number;
  /** Stops the server and, unless BENCH_DATA_DIR kept it, deletes its data. */
  stop(): Promise<void>;
}

/**
 * A migrated embedded PostgreSQL for one benchmark run, in a throwaway directory. BENCH_DATA_DIR
 * keeps the data between runs instead (generating a million invoices takes minutes): the
 * generator then tops up what is missing rather than starting over.
 */
export async function startBenchDatabase(): Promise<TBenchDatabase> {
  const kept = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : undefined;
  const root = kept ?? (await mkdtemp(path.join(tmpdir(), 'billing-bench-')));
  if (kept && !existsSync(kept)) await mkdir(kept, { recursive: true });
  await chmod(root, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, 'pg'),
    port: await freePort(),
    database: 'billing_bench',
  });
  await migrateDatabase(server.url);
  return {
    url: server.url,
    postmasterPid: () => Number(readFileSync(path.join(server.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    async stop() {
      await server.stop();
      if (!kept) await rm(root, { recursive: true, force: true });
    },
  };
}
