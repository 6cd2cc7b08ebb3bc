import path from 'node:path';
import pg from 'pg';
import { stateDir } from './state-dir';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

/** Where the embedded server keeps its data: it survives restarts. */
export function embeddedDataDir(): string {
  return path.resolve(process.env.EMBEDDED_PG_DIR ?? path.join(stateDir(), 'postgres'));
}

export function embeddedPort(): number {
  return Number(process.env.EMBEDDED_PG_PORT ?? 5433);
}

export interface LocalDatabase {
  url: string;
  /** Set when this process started the embedded server (and must stop it). */
  embedded?: EmbeddedDatabase;
}

/**
 * `DATABASE_URL` when set; otherwise the embedded PostgreSQL, reusing one that is already running
 * on its port (the console, say) or starting it.
 */
export async function resolveDatabase(options: { verbose?: boolean } = {}): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const port = embeddedPort();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/billing`;
  if (await canConnect(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`)) {
    const { ensureDatabase } = await import('./embedded-postgres');
    await ensureDatabase(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, 'billing');
    return { url };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir(), port, verbose: options.verbose, throwaway: process.env.EMBEDDED_PG_THROWAWAY === 'true' });
  return { url: embedded.url, embedded };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
