import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { TARGET_MS, TARGET_RATIO } from './bench-config';
import type { TBenchRange } from './endpoints';
import type { TMachine } from './machine';
import type { TEndpointResult } from './measure';

export interface TBenchReport {
  startedAt: Date;
  finishedAt: Date;
  machine: TMachine;
  loadAtStart: string;
  loadAtEnd: string;
  rows: Record<string, number>;
  generation: string;
  range: TBenchRange;
  requests: number;
  warmup: number;
  results: TEndpointResult[];
}

export function passes(result: TEndpointResult): boolean {
  return result.statuses.every((status) => status === 200) && result.app.median <= TARGET_MS && result.app.median <= TARGET_RATIO * result.sql.median;
}

const ms = (value: number) => value.toFixed(1);
const ratio = (result: TEndpointResult) => (result.app.median / result.sql.median).toFixed(2);

/** The results as a fixed-width table for the terminal; `judged` false (smoke) leaves the verdict out. */
export function formatTable(results: readonly TEndpointResult[], judged = true): string {
  const header = ['endpoint', 'app median', 'app p95', 'SQL median', 'SQL p95', 'ratio', 'target', 'result'];
  const lines = results.map((r) => [
    r.endpoint.name, ms(r.app.median), ms(r.app.p95), ms(r.sql.median), ms(r.sql.p95), `${ratio(r)}×`,
    `≤ ${TARGET_RATIO}× and ≤ ${TARGET_MS} ms`, judged ? (passes(r) ? 'PASS' : 'FAIL') : 'n/a (smoke)',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}

/** Everything below this line in docs/BENCHMARKS.md is hand-written and survives a new run. */
const NOTES_MARKER = '<!-- notes: everything below is kept when the benchmark rewrites this file -->';

export async function writeMarkdown(file: string, report: TBenchReport): Promise<void> {
  const previous = existsSync(file) ? await readFile(file, 'utf8') : '';
  const notes = previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER) + NOTES_MARKER.length) : '\n';
  await writeFile(file, `${markdown(report)}\n${NOTES_MARKER}${notes}`);
}

function markdown(report: TBenchReport): string {
  const { machine, range, results } = report;
  const seconds = Math.round((report.finishedAt.getTime() - report.startedAt.getTime()) / 1000);
  const table = [
    '| endpoint | app median (ms) | app p95 (ms) | SQL median (ms) | SQL p95 (ms) | ratio | target | result |',
    '|---|--:|--:|--:|--:|--:|---|---|',
    ...results.map((r) => `| ${r.endpoint.name} | ${ms(r.app.median)} | ${ms(r.app.p95)} | ${ms(r.sql.median)} | ${ms(r.sql.p95)} | ${ratio(r)}× | ≤ ${TARGET_RATIO}× and ≤ ${TARGET_MS} ms | ${passes(r) ? 'PASS' : '**FAIL**'} |`),
  ].join('\n');
  const mismatches = results.flatMap((r) => r.mismatches.map((m) => `- ${r.endpoint.name}: ${m}`));
  return `# Benchmarks

## Analytics API — \`npm run bench:analytics\`

Measured ${report.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (the run took ${seconds} s).

**Machine:** ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB memory, shared with other engineers'
builds and tests; ${machine.postgres} (embedded, default settings); Node ${machine.node}.
**Load average** (\`uptime\`, 1 / 5 / 15 min): ${report.loadAtStart} at the start, ${report.loadAtEnd} at the end — on 2 cores,
anything above 2 means the benchmark waited for a CPU.

**Data:** ${report.generation}

| table | rows |
|---|--:|
${Object.entries(report.rows).map(([table, count]) => `| ${table} | ${count.toLocaleString('en-US')} |`).join('\n')}

**Request:** \`?from=${range.from}&to=${range.to}&currency=${range.currency}\` (12 months; /revenue also \`&interval=\`).
${report.requests} timed requests per endpoint after ${report.warmup} untimed, one at a time, alternating with the baseline.

${table}

- **app**: \`GET\` over HTTP with a super_admin API key against \`next start\` (production build), timed to the last
  byte of the body: authentication, validation, Prisma, the statement, JSON.
- **SQL**: the hand-written statement for the same answer in \`bench/analytics/endpoints.ts\`, sent with \`pg\` over one
  open connection (work_mem 64 MB, JIT off, as the app sets them) — the physical limit.
- **target**: median ≤ ${TARGET_RATIO} × the SQL median and ≤ ${TARGET_MS} ms.
- **figures**: ${mismatches.length === 0 ? 'the app and the baseline agree on every headline figure (MRR, counts, revenue, refunds, discounts, redemptions, attach counts), so both compute the same thing.' : `the app and the baseline disagree:\n${mismatches.map((line) => `  ${line}`).join('\n')}`}
`;
}
