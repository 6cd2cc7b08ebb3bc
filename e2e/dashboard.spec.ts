import { expect, test, type Page } from './fixtures';
import { signIn } from './sign-in';

/** A figure's tile: a group named by its label. */
const tile = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true });
const RUPIAH = /Rp\s?-?[\d.]+/;

// The animated charts, as most users see them (the rest of the suite prefers reduced motion).
test.use({ reducedMotion: 'no-preference' });

test.beforeEach(async ({ page }) => {
  // Lands on the dashboard: the console's home.
  await signIn(page, 'super_admin');
});

test('the dashboard shows the last 30 days: tiles with definitions, and the revenue chart', async ({ page }) => {
  await expect(page.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'true');
  for (const label of ['MRR', 'ARR', 'ARPA', 'Gross revenue', 'Refunds', 'Net revenue', 'Discounts']) {
    await expect(tile(page, label)).toContainText(RUPIAH);
  }
  await expect(tile(page, 'Active subscriptions')).toContainText(/\d+/);
  await expect(tile(page, 'Churn rate')).toContainText(/\d+\.\d%|—/);
  await expect(tile(page, 'MRR')).toContainText(/since \d{1,2} \w{3}/);
  await expect(tile(page, 'Gross revenue')).toContainText('vs previous 30 days');

  // The definition is the info button's description, shown on focus and dismissed with Escape.
  const about = page.getByRole('button', { name: 'About MRR' });
  await about.focus();
  await expect(page.getByRole('tooltip')).toContainText('Monthly recurring revenue');
  await expect(about).toHaveAccessibleDescription(/Monthly recurring revenue/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toBeHidden();

  const chart = page.getByRole('img', { name: /^Revenue chart by day/ });
  await expect(chart.locator('svg.recharts-surface')).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeAttached();
  await expect(page.getByRole('img', { name: /^MRR by plan/ }).locator('svg.recharts-surface')).toBeVisible();
  await expect(page.getByRole('table', { name: /Add-on attach rate/ })).toContainText(/\d+\.\d%/);
  await expect(page.getByRole('table', { name: 'Top coupons by redemptions' }).getByRole('row')).not.toHaveCount(0);
});

test('Last 12 months puts the range in the URL and changes the figures', async ({ page }) => {
  const gross = tile(page, 'Gross revenue').getByRole('link');
  await expect(gross).toHaveText(RUPIAH);
  const thirtyDays = await gross.textContent();

  await page.getByRole('link', { name: 'Last 12 months' }).click();
  await expect(page).toHaveURL(/\/\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('link', { name: 'Last 12 months' })).toHaveAttribute('aria-current', 'true');
  await expect(gross).not.toHaveText(thirtyDays!);
  await expect(gross).toHaveText(RUPIAH);
  await expect(tile(page, 'Gross revenue')).toContainText(/vs previous \d{3} days/);

  // A year is charted by month unless the URL says otherwise; the choice goes into the URL.
  const interval = page.getByLabel('Chart interval');
  await expect(interval).toHaveValue('month');
  await expect(page.getByRole('img', { name: /^Revenue chart by month/ }).locator('svg.recharts-surface')).toBeVisible();
  await interval.selectOption('week');
  await expect(page).toHaveURL(/interval=week/);
  await expect(page.getByRole('img', { name: /^Revenue chart by week/ }).locator('svg.recharts-surface')).toBeVisible();

  // The amount opens the paid invoices of the range (the invoice list filters by issue date, to inclusive).
  const url = new URL(page.url());
  const href = await gross.getAttribute('href');
  expect(href).toMatch(new RegExp(`^/invoices\\?status=paid&from=${url.searchParams.get('from')}&to=\\d{4}-\\d{2}-\\d{2}$`));
  await gross.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('paid');
});

test('a custom range counts both days chosen and goes into the URL as the API reads it', async ({ page }) => {
  await page.getByLabel('From', { exact: true }).fill('2026-01-01');
  await page.getByLabel('To', { exact: true }).fill('2026-01-31');
  await page.getByRole('button', { name: 'Apply' }).click();
  // The API's ranges are half-open: the last day counted is the day before `to`.
  await expect(page).toHaveURL(/\/\?from=2026-01-01&to=2026-02-01$/);
  await expect(page.getByText('1 – 31 Jan 2026 in IDR, compared with the previous 31 days.')).toBeVisible();
  await expect(page.locator('[aria-current="true"]')).toHaveCount(0);
  await expect(page.getByLabel('Chart interval')).toHaveValue('day');
  await expect(tile(page, 'Gross revenue')).toContainText('vs previous 31 days');
});

test('a currency without invoices shows empty states, and an invalid range the API message', async ({ page }) => {
  await page.getByLabel('Currency').selectOption('USD');
  await expect(page).toHaveURL(/currency=USD/);
  await expect(page.getByText('No paid invoices in this range')).toBeVisible();
  await expect(tile(page, 'MRR')).toContainText('$0.00');
  await expect(tile(page, 'Gross revenue')).toContainText('—');

  await page.goto('/?from=2026-03-01&to=2026-02-01');
  const problem = page.getByRole('alert').filter({ hasText: 'These figures can' });
  await expect(problem).toContainText('`to` must be after `from` (the range is [from, to)).');
  await page.getByRole('link', { name: 'Last 7 days' }).click();
  await expect(problem).toBeHidden();
  await expect(tile(page, 'Net revenue')).toContainText(RUPIAH);
});

test('invoices waiting for payment link to their customer, whose page opens from the dashboard', async ({ page }) => {
  const table = page.getByRole('table', { name: 'Latest open invoices' });
  const customer = table.getByRole('rowheader').first().getByRole('link');
  const name = (await customer.innerText()).trim();
  await expect(customer).toHaveAttribute('href', /^\/customers\/[0-9a-f-]{36}$/);
  await expect(table.getByRole('row').nth(1)).toContainText(RUPIAH);
  await customer.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});
