/**
 * `npm run test:mutation [-- <stryker options>]`: Stryker over the pure billing modules
 * (stryker.config.mjs, incremental), then the per-file targets of scripts/mutation/scope.mjs.
 * `--report` reruns every mutant (no incremental reuse) and rewrites the table in docs/MUTATION.md.
 * One file while working on it: `npm run test:mutation -- --mutate lib/billing/invoices/compute-invoice.ts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { targetFor } from './scope.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REPORT = path.join(ROOT, 'reports/mutation/mutation.json');
const DOC = path.join(ROOT, 'docs/MUTATION.md');
const BEGIN = '<!-- mutation-table:begin (written by `npm run test:mutation -- --report`) -->';
const END = '<!-- mutation-table:end -->';

const args = process.argv.slice(2);
const writeReport = args.includes('--report');
const strykerArgs = args.filter((arg) => arg !== '--report');
if (writeReport) {
  if (strykerArgs.some((arg) => arg.startsWith('--mutate') || arg === '-m')) {
    console.error('--report is the full run of every mutated file; leave out --mutate.');
    process.exit(2);
  }
  strykerArgs.push('--force');
}
// The machine is shared: one test process, two while the load is low; `--concurrency N` overrides.
const concurrencyAt = strykerArgs.findIndex((arg) => arg === '--concurrency' || arg === '-c');
const concurrency = concurrencyAt >= 0 ? Number(strykerArgs[concurrencyAt + 1]) : os.loadavg()[0] < 3 ? 2 : 1;
if (concurrencyAt < 0) strykerArgs.push('--concurrency', String(concurrency));
console.log(`Stryker with concurrency ${concurrency} (load ${os.loadavg()[0].toFixed(1)}).`);

fs.rmSync(REPORT, { force: true });
const started = Date.now();
const stryker = spawnSync(path.join(ROOT, 'node_modules/.bin/stryker'), ['run', ...strykerArgs], { cwd: ROOT, stdio: 'inherit' });
const minutes = (Date.now() - started) / 60_000;
if (!fs.existsSync(REPORT)) {
  console.error(`Stryker wrote no report (exit ${stryker.status ?? stryker.signal}).`);
  process.exit(stryker.status || 1);
}

const report = JSON.parse(fs.readFileSync(REPORT, 'utf8'));
const rows = Object.entries(report.files)
  .map(([file, { mutants }]) => {
    const count = (status) => mutants.filter((mutant) => mutant.status === status).length;
    const row = {
      file: path.relative(ROOT, path.resolve(ROOT, file)),
      killed: count('Killed'),
      survived: count('Survived'),
      timeout: count('Timeout'),
      noCoverage: count('NoCoverage'),
      invalid: count('CompileError') + count('RuntimeError'),
      ignored: count('Ignored'),
    };
    const valid = row.killed + row.timeout + row.survived + row.noCoverage;
    return { ...row, valid, score: valid === 0 ? 100 : ((row.killed + row.timeout) / valid) * 100, target: targetFor(row.file) };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

const total = rows.reduce(
  (sum, row) => ({
    killed: sum.killed + row.killed,
    survived: sum.survived + row.survived,
    timeout: sum.timeout + row.timeout,
    noCoverage: sum.noCoverage + row.noCoverage,
    invalid: sum.invalid + row.invalid,
    ignored: sum.ignored + row.ignored,
    valid: sum.valid + row.valid,
  }),
  { killed: 0, survived: 0, timeout: 0, noCoverage: 0, invalid: 0, ignored: 0, valid: 0 },
);
const pct = (score) => `${(Math.floor(score * 100) / 100).toFixed(2)}%`;
const below = rows.filter((row) => row.score < row.target);

const table = [
  '| file | killed | survived | timeout | no coverage | score | target | equivalent (ignored) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (row) =>
      `| \`${row.file}\` | ${row.killed} | ${row.survived} | ${row.timeout} | ${row.noCoverage} | ${pct(row.score)}${row.score < row.target ? ' ✗' : ''} | ${row.target}% | ${row.ignored} |`,
  ),
  `| **all ${rows.length} files** | ${total.killed} | ${total.survived} | ${total.timeout} | ${total.noCoverage} | **${pct(total.valid === 0 ? 100 : ((total.killed + total.timeout) / total.valid) * 100)}** | | ${total.ignored} |`,
].join('\n');
console.log(`\n${table}\n`);

for (const row of rows) {
  for (const mutant of report.files[Object.keys(report.files).find((f) => path.relative(ROOT, path.resolve(ROOT, f)) === row.file)].mutants) {
    if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
      console.log(`${mutant.status.padEnd(10)} ${row.file}:${mutant.location.start.line}  ${mutant.mutatorName}: ${JSON.stringify(mutant.replacement ?? '')}`);
    }
  }
}

// The table is written whatever the scores: a file below its target shows ✗ and the command fails.
if (writeReport && stryker.status !== null) {
  const doc = fs.readFileSync(DOC, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC} lacks the ${BEGIN} … ${END} markers`);
  const git = (...gitArgs) => spawnSync('git', gitArgs, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = git('status', '--porcelain', '--', 'lib', 'scripts/mutation', 'stryker.config.mjs', 'vitest.mutation.config.ts') !== '';
  const commit = `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' plus uncommitted changes' : ''}`;
  const stamp = `Fresh run (\`--force\`, no incremental reuse) of ${commit}: ${total.valid + total.invalid + total.ignored} mutants on ${new Date().toISOString().slice(0, 10)}, ${minutes.toFixed(0)} min with concurrency ${concurrency} (load ${os.loadavg()[0].toFixed(0)} at the end), StrykerJS ${report.framework?.version ?? ''}.`;
  fs.writeFileSync(DOC, `${doc.slice(0, start)}${BEGIN}\n${stamp}\n\n${table}\n${doc.slice(end)}`);
  console.log(`Wrote the table to ${path.relative(ROOT, DOC)}.`);
}

if (below.length > 0) {
  for (const row of below) console.error(`${row.file}: ${pct(row.score)} is below its target of ${row.target}%.`);
  process.exit(1);
}
process.exit(stryker.status ?? 1);
