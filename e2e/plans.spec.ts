import { expect, test, type Page } from './fixtures';
import { signIn } from './sign-in';

// Unique per run, so the spec also passes against a database that has seen earlier runs.
const suffix = Date.now().toString(36);
const name = `E2E Plan ${suffix}`;
const slug = `e2e-plan-${suffix}`;

const planRow = (page: Page) => page.getByRole('table', { name: 'Plans' }).getByRole('row').filter({ hasText: slug });
const field = (page: Page, label: string) => page.getByRole('dialog').getByLabel(label, { exact: true });

test.beforeEach(async ({ page }) => {
  await signIn(page, 'super_admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Plans' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();
});

test('the seeded plans are listed with prices in rupiah, limits and features', async ({ page }) => {
  const table = page.getByRole('table', { name: 'Plans' });
  const starter = table.getByRole('row').filter({ hasText: 'starter' });
  await expect(starter).toContainText('Rp 299.000');
  await expect(starter).toContainText('Rp 2.990.000');
  await expect(table.getByRole('row').filter({ hasText: 'enterprise' })).toContainText('Dedicated support');
});

test('create a plan, edit its price and a limit, then deactivate it', async ({ page }) => {
  await page.getByRole('button', { name: 'New plan' }).click();
  await field(page, 'Name').fill(name);
  await field(page, 'Slug').fill(slug);
  await field(page, 'Monthly price').fill('349000');
  await expect(page.getByRole('dialog')).toContainText('Annual = 10 × monthly: 2 months free (16.7% off)');
  await field(page, 'Per-agent price').fill('49000');
  await field(page, 'Overage price per message').fill('200');
  await field(page, 'Agents').fill('5');
  await field(page, 'Unlimited contacts').check();
  await field(page, 'Messages per month').fill('8000');
  await field(page, 'Channels').fill('2');
  await field(page, 'AI agents').fill('0');
  await field(page, 'API access').check();
  await page.getByRole('button', { name: 'Create plan' }).click();

  await expect(page.getByText(`Plan "${name}" created.`)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(planRow(page)).toContainText('Rp 349.000');
  await expect(planRow(page)).toContainText('Rp 3.490.000');
  await expect(planRow(page)).toContainText('5 agents');
  await expect(planRow(page)).toContainText('8,000 messages/mo');
  await expect(planRow(page)).toContainText('Active');

  await page.getByRole('button', { name: `Edit ${name}` }).click();
  await field(page, 'Monthly price').fill('399000');
  await field(page, 'Agents').fill('8');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('No active subscriptions use this plan');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByText(`Plan "${name}" saved.`)).toBeVisible();
  await expect(planRow(page)).toContainText('Rp 399.000');
  // SPEC §4: changing the monthly price does not recompute the annual one.
  await expect(planRow(page)).toContainText('Rp 3.490.000');
  await expect(planRow(page)).toContainText('8 agents');

  await page.getByRole('button', { name: `Deactivate ${name}` }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(`Deactivate ${name}?`);
  await confirm.getByRole('button', { name: 'Deactivate plan' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(planRow(page)).toContainText('Inactive');

  await page.getByLabel('Search plans').fill(slug);
  await page.getByText('Active', { exact: true }).filter({ has: page.locator('input[type=radio]') }).click();
  await expect(page.getByText('No plans match')).toBeVisible();
  await page.getByText('Inactive', { exact: true }).filter({ has: page.locator('input[type=radio]') }).click();
  await expect(planRow(page)).toContainText('Inactive');
});

test('editing a plan in use shows its MRR impact before saving', async ({ page }) => {
  await page.getByRole('button', { name: 'Edit Growth' }).click();
  const monthly = field(page, 'Monthly price');
  await monthly.fill(String(Number(await monthly.inputValue()) + 100000));
  await expect(page.getByRole('dialog').getByRole('status')).toContainText(
    /This change affects \d+ subscriptions?: MRR Rp [\d.]+ → Rp [\d.]+ \(\+Rp [\d.]+\)/,
  );
  await expect(page.getByRole('dialog')).toContainText('Invoices already issued are never rewritten');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
