import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { ISOLATED_UNIT_TESTS, UNIT_TEST_FOLDERS } from './tests/unit/isolated-unit-tests';

const alias = { '@': path.resolve(import.meta.dirname) };
// Request logs would drown the test report; set LOG_LEVEL to see them. Tests of logging capture their own.
// The fuzz and matrix tests send thousands of requests with one credential: the API rate limit
// stays on (its statement runs on every request) but out of their way; its own tests set a low one.
const env = { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '1000000' };

const UNIT_TESTS = UNIT_TEST_FOLDERS.map((folder) => `${folder}/**/*.test.ts`);

// Worker threads, not child processes: each isolated test file starts in a fresh thread, which on
// these 2 cores took the integration run from 333 to 232 s (634 to 432 CPU-s), with the same
// isolation (a thread has its own module graph and its own copy of process.env).
const pool = 'threads';

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          pool,
          include: UNIT_TESTS,
          exclude: ['**/*.int.test.ts', 'node_modules/**', ...ISOLATED_UNIT_TESTS],
          environment: 'node',
          env,
          // One module graph per worker, shared by the files (tests/unit/isolated-unit-tests.ts).
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: { name: 'unit-isolated', pool, include: ISOLATED_UNIT_TESTS, environment: 'node', env },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          pool,
          // Beside what they test, named *.int.test.ts: they need the real PostgreSQL.
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**', '.next*/**', '**/.next*/**'],
          environment: 'node',
          env,
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
