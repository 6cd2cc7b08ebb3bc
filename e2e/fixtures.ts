import { test as base, type Disposable, type Page } from '@playwright/test';
import { hydrateAfterLoads } from './hydration';
import { serverOrigin } from './servers';

export { expect } from '@playwright/test';
export type { Locator, Page, TestInfo } from '@playwright/test';

/**
 * `test` with one browser page per worker, reset between tests, instead of a new context and page
 * per test. On these 2 cores a new context and page cost Chromium ~1 s of CPU before it loads
 * anything, and the first load in it ~1 s more (the console's scripts parsed and compiled again,
 * nothing in its cache): over the suite that was a quarter of the e2e run's time.
 *
 * Between tests the page is left as a new one would be: no cookies (so no session), no granted
 * permissions, no routes, no listeners, no local or session storage, the test's viewport and
 * reduced-motion setting, screen media, on about:blank; init scripts and exposed functions a test
 * added (to the page or its context) are disposed of. What it keeps is Chromium's HTTP and code
 * caches, which is what a returning user's browser keeps too. A test that fails ends its worker,
 * so the next test starts on a page nobody has touched.
 */
export const test = base.extend<object, { workerPage: Page; workerOrigin: string }>({
  // Each worker drives its own server and database (e2e/servers.ts).
  workerOrigin: [async ({}, provide, workerInfo) => provide(serverOrigin(workerInfo.parallelIndex)), { scope: 'worker' }],
  baseURL: async ({ workerOrigin }, provide) => provide(workerOrigin),
  workerPage: [
    async ({ browser, workerOrigin }, provide, workerInfo) => {
      const { locale, timezoneId, colorScheme, acceptDownloads } = workerInfo.project.use;
      const context = await browser.newContext({ baseURL: workerOrigin, locale, timezoneId, colorScheme, acceptDownloads });
      await provide(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
  // The page is reset after each test (teardown runs when a test fails too), so it starts clean.
  page: async ({ workerPage, viewport, reducedMotion, baseURL }, provide) => {
    if (viewport) await workerPage.setViewportSize(viewport);
    await workerPage.emulateMedia({ media: 'screen', reducedMotion: reducedMotion ?? 'no-preference' });
    const undoAdditions = trackAdditions(workerPage);
    // A console page a test loads is hydrated before the test acts on it (e2e/hydration.ts).
    const undoHydrationWait = hydrateAfterLoads(workerPage);
    await provide(workerPage);
    undoHydrationWait();
    await undoAdditions();
    await reset(workerPage, baseURL);
  },
  context: async ({ page }, provide) => {
    await provide(page.context());
  },
});

async function reset(page: Page, baseURL: string | undefined) {
  for (const event of ['console', 'pageerror', 'dialog', 'request', 'response', 'download', 'popup'] as const) page.removeAllListeners(event);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  const context = page.context();
  await context.clearPermissions();
  if (baseURL && page.url().startsWith(baseURL)) {
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    }).catch(() => undefined);
  }
  await context.clearCookies();
  await page.goto('about:blank');
}

/** What a test adds to the page or its context that outlives it: each returns a Disposable. */
const ADDITIONS = ['addInitScript', 'exposeBinding', 'exposeFunction'] as const;

/** Records the Disposable of each init script and exposed function added from now on; the returned function disposes of them. */
function trackAdditions(page: Page): () => Promise<void> {
  const added: Disposable[] = [];
  const restore: (() => void)[] = [];
  for (const target of [page, page.context()] as const) {
    for (const name of ADDITIONS) {
      const original = (target[name] as (...args: unknown[]) => Promise<Disposable>).bind(target);
      Object.defineProperty(target, name, {
        configurable: true,
        value: async (...args: unknown[]) => {
          const disposable = await original(...args);
          added.push(disposable);
          return disposable;
        },
      });
      restore.push(() => delete (target as unknown as Record<string, unknown>)[name]);
    }
  }
  return async () => {
    for (const undo of restore) undo();
    for (const disposable of added.reverse()) await disposable.dispose();
  };
}
