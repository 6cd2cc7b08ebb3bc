import { defineConfig } from '@playwright/test';
import { E2E_PORT, E2E_WORKERS, serverOrigin } from './e2e/servers';
import { chromiumPath } from './scripts/lib/chromium-path';

/**
 * E2E runs drive Debian's Chromium (Playwright's browser download is unreachable here) against the
 * production build, served by the same start script as `npm start`, on a fresh embedded
 * PostgreSQL with the demo seed (scripts/e2e-server.ts): one server per worker (e2e/servers.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: E2E_WORKERS,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    // Each worker's pages and requests go to its own server (the baseURL fixture in e2e/fixtures.ts).
    baseURL: serverOrigin(0),
    // A failure's trace keeps its actions, console, network and sources, without screencast frames
    // or DOM snapshots: recording those costs Chromium ~25% more CPU on every test, failing or not.
    // The screenshot below shows the failing page. (The snapshots' cost once hid a race, tests
    // clicking pages before React hydrated them; the page fixture now waits: e2e/hydration.ts.)
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: true },
    screenshot: 'only-on-failure',
    // The browser asks for reduced motion, which Recharts and sonner honour (charts draw at once,
    // toasts do not slide): Chromium spends no CPU drawing animations nobody watches, ~0.4 s per
    // Dashboard load. dashboard.spec keeps the animated default, so that path is driven too.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // One command starts every worker's server (scripts/e2e-server.ts); the first one's /login
  // answers only once all of them do.
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `${serverOrigin(0)}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM lets the script stop the servers and the embedded PostgreSQL cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(E2E_PORT), E2E_WORKERS: String(E2E_WORKERS) },
  },
});
