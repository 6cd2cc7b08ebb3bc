import { expect, test, type Page, type TestInfo } from './fixtures';
import { signIn } from './sign-in';

// Issue 12: at laptop widths every table shows every column, with no horizontal scrollbar on the
// page or in the table's own box; and the sidebar's background runs the whole page height.
const TABLES = [
  { path: '/plans', heading: 'Plans', table: 'Plans' },
  { path: '/coupons', heading: 'Coupons', table: 'Coupons' },
  { path: '/addons', heading: 'Add-ons', table: 'Add-ons' },
  { path: '/invoices', heading: 'Invoices', table: 'Invoices' },
  { path: '/customers', heading: 'Customers', table: 'Customers' },
  { path: '/audit-log', heading: 'Audit log', table: 'Audit log' },
  // The seed's refund stuck pending at Xendit: its row ends with the "Recheck now" button.
  { path: '/payments', heading: 'Payments & refunds', table: 'Stuck refunds' },
];

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const width of [1280, 1440]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    // Each test opens its page itself.
    test.beforeEach(async ({ page }) => signIn(page, 'super_admin', { land: false }));

    for (const { path, heading, table: tableName } of TABLES) {
      test(`${heading}: every column visible, no horizontal scrollbar`, async ({ page, baseURL }, testInfo) => {
        if (path === '/audit-log') {
          // A fresh database has no audit entries (hence no table): record one, an API key created.
          const created = await page.request.post('/api/v1/admin/billing/api-keys', { data: { name: `layout-${Date.now().toString(36)}`, role: 'support' }, headers: { origin: baseURL ?? '' } });
          expect(created.status()).toBe(201);
        }
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        const table = page.getByRole('table', { name: tableName });
        await expect(table.locator('tbody tr').first()).toBeVisible();
        await expect(table).not.toHaveAttribute('aria-busy', 'true');
        await screenshot(page, testInfo, `${path.slice(1)}-${width}`);

        const layout = await table.evaluate((element) => {
          const box = element.parentElement!.getBoundingClientRect();
          const cells = [...element.querySelectorAll('tr')].map((row) => row.lastElementChild!.getBoundingClientRect());
          return {
            page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
            table: { scrollWidth: element.scrollWidth, boxWidth: element.parentElement!.clientWidth },
            lastColumnOutside: cells.filter((cell) => cell.width === 0 || cell.left < box.left || cell.right > box.right + 0.5 || cell.right > window.innerWidth).length,
            rows: cells.length,
          };
        });
        expect(layout.page.scrollWidth, 'the page body scrolls sideways').toBeLessThanOrEqual(layout.page.clientWidth);
        expect(layout.table.scrollWidth, 'the table scrolls sideways in its box').toBeLessThanOrEqual(layout.table.boxWidth);
        expect(layout.rows).toBeGreaterThan(1);
        expect(layout.lastColumnOutside, 'cells of the last column are cut off').toBe(0);
      });
    }

    test('plans: the Edit action of every row is on screen', async ({ page }) => {
      await page.goto('/plans');
      const edits = page.getByRole('table', { name: 'Plans' }).getByRole('button', { name: /^Edit / });
      await expect(edits.first()).toBeVisible();
      // Scrolled to (the lower rows sit below the fold), each Edit button is wholly on screen: not cut off on the right.
      for (const edit of await edits.all()) {
        await edit.scrollIntoViewIfNeeded();
        await expect(edit).toBeInViewport({ ratio: 1 });
      }
    });
  });
}

test.describe('the sidebar', () => {
  // Short enough that both pages scroll, so the check cannot pass by the page fitting the screen.
  test.use({ viewport: { width: 1280, height: 500 } });

  for (const { path, heading } of [{ path: '/', heading: 'Dashboard' }, { path: '/plans', heading: 'Plans' }]) {
    test(`runs the full page height on ${heading}`, async ({ page }, testInfo) => {
      await signIn(page, 'super_admin', { land: false });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await screenshot(page, testInfo, `sidebar-${heading.toLowerCase()}`);
      const { aside, page: size } = await page.evaluate(() => ({
        aside: document.querySelector('aside')!.getBoundingClientRect().height,
        page: { scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight },
      }));
      expect(size.scrollHeight).toBeGreaterThan(size.innerHeight);
      expect(aside).toBeGreaterThanOrEqual(size.scrollHeight - 1);
      // Its content stays in view while the page scrolls.
      await page.mouse.wheel(0, size.scrollHeight);
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Plans' })).toBeInViewport();
    });
  }
});
