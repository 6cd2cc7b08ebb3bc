import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** WCAG 2.1 A and AA, the level the console promises (STYLE rule 15). */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page as it is (an open dialog included) and fails on any serious or
 * critical violation, naming each rule and the elements at fault. The full report is attached.
 */
export async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo, name: string, options: { exclude?: string } = {}) {
  // Dialogs and toasts fade in: colours must be measured as they end up, not mid-fade. A sonner
  // toast starts its transition only once it is marked mounted, a frame or two after it appears,
  // so wait for that, then for two frames, then for every animation and transition to finish.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-sonner-toast]')].every((toast) => toast.getAttribute('data-mounted') === 'true'));
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  });
  const builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  if (options.exclude) builder.exclude(options.exclude);
  const results = await builder.analyze();
  await testInfo.attach(`axe ${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${name}`).toEqual([]);
  expect(results.passes.length, `axe ran no checks on ${name}`).toBeGreaterThan(10);
}
