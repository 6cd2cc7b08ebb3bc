import { cpus, freemem, loadavg, totalmem } from 'node:os';
import pg from 'pg';

export interface TMachine {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  /** 1, 5 and 15 minute load averages, as `uptime` prints them. */
  load: [number, number, number];
  node: string;
  postgres: string;
}

const gib = (bytes: number) => Math.round((bytes / 2 ** 30) * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The facts every figure depends on. The load average matters most on these shared 2-core
 * machines: other engineers' builds and tests run beside a benchmark, which is why every figure
 * is reported as a ratio to a baseline measured in the same run.
 */
export async function describeMachine(databaseUrl: string): Promise<TMachine> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    const [one, five, fifteen] = loadavg();
    return {
      nproc: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: gib(totalmem()),
      freeMemoryGiB: gib(freemem()),
      load: [round2(one ?? 0), round2(five ?? 0), round2(fifteen ?? 0)],
      node: process.version,
      postgres: rows[0]?.server_version ?? 'unknown',
    };
  } finally {
    await client.end();
  }
}

/** The 1-minute load average now, sampled beside each measurement. */
export function currentLoad(): number {
  return round2(loadavg()[0] ?? 0);
}
