import { cpus, loadavg, totalmem } from 'node:os';
import type pg from 'pg';

export interface TMachine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
}

export async function describeMachine(client: pg.ClientBase): Promise<TMachine> {
  const { rows: [version] } = await client.query<{ version: string }>('SELECT version()');
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: version!.version.replace(/ on .*$/, '').replace(/,.*$/, ''),
  };
}

/** `uptime`'s load averages (1, 5, 15 minutes): on 2 shared cores, how busy everyone else kept it. */
export function loadAverage(): string {
  return loadavg().map((load) => load.toFixed(2)).join(' / ');
}

/** Exact row counts of the tables the analytics read. */
export async function countRows(client: pg.ClientBase): Promise<Record<string, number>> {
  const tables = ['organizations', 'subscriptions', 'subscription_addons', 'invoices', 'invoice_lines', 'payments', 'refunds', 'coupon_redemptions'];
  const { rows: [counts] } = await client.query<Record<string, string>>(
    `SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ')}`,
  );
  return Object.fromEntries(tables.map((table) => [table, Number(counts![table])]));
}
