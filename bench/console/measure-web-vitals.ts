import { chromium, type Browser } from '@playwright/test';
import { SEED_USERS } from '../../prisma/seed-users';
import { chromiumPath } from '../../scripts/lib/chromium-path';

export interface TWebVitalsRun {
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  ttfbMs: number;
  longTasks: number;
  /** Content-Security-Policy violations the page reported (the console runs under a strict CSP). */
  cspViolations: number;
  /** Compressed bytes of the scripts the page loaded (Resource Timing encodedBodySize). */
  scriptBytes: number;
}

export interface TWebVitals {
  route: string;
  runs: TWebVitalsRun[];
  /** Medians of the runs (each a cold load: new browser context, empty cache, signed in). */
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  ttfbMs: number;
  scriptBytes: number;
}

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// Installed before any page script: LCP candidates and long tasks, buffered from navigation start.
const OBSERVERS = `
  window.__vitals = { lcp: 0, longTasks: [], cspViolations: 0 };
  document.addEventListener('securitypolicyviolation', () => { window.__vitals.cspViolations += 1; });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__vitals.lcp = entry.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__vitals.longTasks.push(entry.duration); })
    .observe({ type: 'longtask', buffered: true });
`;

/**
 * LCP and total blocking time of console pages as a signed-in super-admin sees them, in Debian's
 * Chromium: each run a cold load in a fresh browser context (no HTTP cache) that carries only the
 * session cookie. TBT here is Σ (long task − 50 ms) over every long task until the page has been
 * quiet for a second after `load`: a superset of Lighthouse's FCP→TTI window, so never lower.
 */
export async function measureWebVitals(origin: string, routes: string[], runsPerRoute: number): Promise<TWebVitals[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath('full'), args: BROWSER_ARGS });
  try {
    const storageState = await signIn(browser, origin);
    const results: TWebVitals[] = [];
    for (const route of routes) {
      const runs: TWebVitalsRun[] = [];
      for (let run = 0; run < runsPerRoute; run++) runs.push(await loadOnce(browser, storageState, `${origin}${route}`));
      results.push({
        route,
        runs,
        lcpMs: median(runs.map((run) => run.lcpMs)),
        tbtMs: median(runs.map((run) => run.tbtMs)),
        fcpMs: median(runs.map((run) => run.fcpMs)),
        ttfbMs: median(runs.map((run) => run.ttfbMs)),
        scriptBytes: median(runs.map((run) => run.scriptBytes)),
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}

type TStorageState = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>;

async function signIn(browser: Browser, origin: string): Promise<TStorageState> {
  const user = SEED_USERS.find((candidate) => candidate.role === 'super_admin');
  if (!user) throw new Error('no seeded super_admin');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/login`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

async function loadOnce(browser: Browser, storageState: TStorageState, url: string): Promise<TWebVitalsRun> {
  const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVERS);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url} redirected to ${page.url()}: not signed in?`);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_000);
    const measured = await page.evaluate(() => {
      const vitals = (window as unknown as { __vitals: { lcp: number; longTasks: number[]; cspViolations: number } }).__vitals;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.initiatorType === 'script' || /\.js(\?|$)/.test(entry.name));
      return {
        lcpMs: vitals.lcp,
        tbtMs: vitals.longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
        longTasks: vitals.longTasks.length,
        cspViolations: vitals.cspViolations,
        fcpMs: fcp?.startTime ?? 0,
        ttfbMs: navigation ? navigation.responseStart - navigation.startTime : 0,
        scriptBytes: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
      };
    });
    return { ...measured, lcpMs: round(measured.lcpMs), tbtMs: round(measured.tbtMs), fcpMs: round(measured.fcpMs), ttfbMs: round(measured.ttfbMs) };
  } finally {
    await context.close();
  }
}

const round = (value: number) => Math.round(value);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}
