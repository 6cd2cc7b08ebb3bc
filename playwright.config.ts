import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * E2E runs drive Debian's Chromium (Playwright's browser download is unreachable here) against the
 * production build, served by the same start script as `npm start`, on a fresh embedded
 * PostgreSQL with the demo seed (scripts/e2e-server.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    // No screencast frames in the trace: DOM snapshots show a failure as well, and the frames cost
    // Chromium 10-15% more CPU on every test, failing or not. (Without the DOM snapshots too, ~15%
    // less again, but the faster actions then click some pages before React has hydrated them:
    // two journeys failed that way in CI, so they stay until the tests wait for hydration.)
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
    // The browser asks for reduced motion, which Recharts and sonner honour (charts draw at once,
    // toasts do not slide): Chromium spends no CPU drawing animations nobody watches, ~0.4 s per
    // Dashboard load. dashboard.spec keeps the animated default, so that path is driven too.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `http://localhost:${PORT}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM lets the start script stop Next and the embedded PostgreSQL cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: String(PORT) },
  },
});
