import type { Page, Response } from '@playwright/test';

/**
 * Waits until React has hydrated every form control of the loaded console page.
 *
 * A page arrives as server-rendered HTML: its buttons are visible (so Playwright's actionability
 * checks pass) before React has attached their handlers, and a click in that gap does nothing.
 * A person never wins that race, a test on a fast machine does (two journeys failed in CI that
 * way). React marks each element it hydrates with a `__reactProps$…` property; the page's
 * Suspense boundaries (its loading.tsx) hydrate after the root, so the check covers every button,
 * input, select and textarea rather than a marker set once by the root layout.
 *
 * Called after a full page load (goto, reload) that finished its `load` event, when the streamed
 * HTML is all in the document. Pages that are not the console's (JSON, the raw API docs) pass.
 */
export async function waitForHydration(page: Page, timeout = 15_000): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        if (!('__next_f' in window)) return true; // not a page rendered by Next's App Router
        const controls = document.querySelectorAll('button, input, select, textarea');
        return Array.from(controls).every((control) => Object.keys(control).some((key) => key.startsWith('__reactProps$')));
      },
      undefined,
      { timeout },
    );
  } catch (error) {
    const unhydrated = await page
      .evaluate(() =>
        Array.from(document.querySelectorAll('button, input, select, textarea'))
          .filter((control) => !Object.keys(control).some((key) => key.startsWith('__reactProps$')))
          .slice(0, 5)
          .map((control) => control.outerHTML.slice(0, 120)),
      )
      .catch(() => []);
    throw new Error(`${page.url()} was not hydrated within ${timeout} ms; controls React has not hydrated: ${unhydrated.join(' | ')}`, {
      cause: error,
    });
  }
}

type Navigate = (...args: never[]) => Promise<Response | null>;

/**
 * Makes the page's `goto` and `reload` resolve only once a console page they load is hydrated
 * (see waitForHydration). Navigations that do not wait for `load` (`waitUntil: 'commit'` or
 * 'domcontentloaded') return as asked. The returned function restores the page's own methods.
 */
export function hydrateAfterLoads(page: Page): () => void {
  const names = ['goto', 'reload'] as const;
  for (const name of names) {
    const original = (page[name] as Navigate).bind(page);
    Object.defineProperty(page, name, {
      configurable: true,
      value: async (...args: unknown[]) => {
        const response = await original(...(args as never[]));
        const options = args.find((arg): arg is { waitUntil?: string } => typeof arg === 'object' && arg !== null);
        const waitUntil = options?.waitUntil ?? 'load';
        const html = response?.headers()['content-type']?.startsWith('text/html') ?? false;
        if (html && (waitUntil === 'load' || waitUntil === 'networkidle')) await waitForHydration(page);
        return response;
      },
    });
  }
  return () => {
    for (const name of names) delete (page as unknown as Record<string, unknown>)[name];
  };
}
