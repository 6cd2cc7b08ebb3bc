// Mutation testing of the pure billing modules (issue 18; docs/MUTATION.md). `npm run test:mutation`.
import os from 'node:os';
import { DEFAULT_TARGET, mutatedFiles } from './scripts/mutation/scope.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  // Which files: scripts/mutation/scope.mjs (every module under lib/billing and lib/money*.ts that
  // does not touch the database); `--mutate <file>` narrows a run to one file while working on it.
  mutate: mutatedFiles(),
  testRunner: 'vitest',
  // The unit project only: the integration project needs PostgreSQL and takes minutes per run.
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  // No TypeScript checker: on this 2-core machine it took 2.5 min to start and one of the two
  // process slots, for mutants the tests kill anyway (a mutant that does not type-check, e.g. a
  // line kind of "", still runs: vitest strips types).
  coverageAnalysis: 'perTest',
  // The machine is shared: one test process, two while the load is low (`--concurrency N` overrides).
  concurrency: os.loadavg()[0] < 3 ? 2 : 1,
  timeoutMS: 30_000,
  // A rerun only tests mutants whose code or covering tests changed; the file stays local.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // Per-file targets (90 %, 95 % for compute-invoice.ts and proration.ts) are checked by
  // scripts/mutation/check.mjs after the run; `break` fails the run as a whole below the default.
  thresholds: { high: 95, low: DEFAULT_TARGET, break: DEFAULT_TARGET },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

export default config;
