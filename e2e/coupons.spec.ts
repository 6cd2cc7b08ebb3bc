import { expect, test, type Page } from './fixtures';
import { signIn } from './sign-in';

// Unique per run: the e2e database is fresh, but a retried test must not collide with itself.
const run = Date.now().toString(36).toUpperCase();

async function openNewCouponDialog(page: Page) {
  await page.getByRole('button', { name: 'New coupon' }).first().click();
  return page.getByRole('dialog', { name: 'New coupon' });
}

const row = (page: Page, code: string) => page.getByRole('table', { name: 'Coupons' }).locator(`tr[data-coupon-code="${code}"]`);

test('the super-admin creates a percentage and a fixed coupon, and a duplicate code is refused on the code field', async ({ page }) => {
  await signIn(page, 'super_admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Coupons' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coupons' })).toBeVisible();

  const percentCode = `e2e-pct-${run}`;
  let dialog = await openNewCouponDialog(page);
  await dialog.getByLabel('Code').fill(percentCode);
  await dialog.getByLabel('Percent off').fill('15');
  await dialog.getByLabel('Max uses').fill('25');
  await expect(dialog.getByText('Worst-case cost')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create coupon' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Coupon ${percentCode.toUpperCase()} created.`)).toBeVisible();

  const fixedCode = `E2E-FIX-${run}`;
  dialog = await openNewCouponDialog(page);
  await dialog.getByLabel('Code').fill(fixedCode);
  await dialog.getByLabel('Discount type').selectOption('fixed');
  await dialog.getByLabel('Amount off').fill('100000');
  await expect(dialog.getByText('No usage limit: the total discount is unbounded.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create coupon' }).click();
  await expect(dialog).toBeHidden();

  const percentRow = row(page, percentCode.toUpperCase());
  await expect(percentRow).toContainText('15%');
  await expect(percentRow).toContainText('0/25');
  await expect(percentRow).toContainText('Active');
  const fixedRow = row(page, fixedCode);
  await expect(fixedRow).toContainText('Rp 100.000');
  await expect(fixedRow).toContainText('0/∞');
  await expect(fixedRow).toContainText('Active');

  dialog = await openNewCouponDialog(page);
  await dialog.getByLabel('Code').fill(fixedCode.toLowerCase());
  await dialog.getByLabel('Percent off').fill('5');
  await dialog.getByRole('button', { name: 'Create coupon' }).click();
  const code = dialog.getByLabel('Code');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription(/This code is already taken\./);
  await expect(dialog).toBeVisible();
});

test('a used coupon locks its discount and offers "Duplicate with changes"', async ({ page }) => {
  await signIn(page, 'super_admin', { land: false });
  await page.goto('/coupons');
  // WELCOME20 is redeemed by the demo invoices.
  await page.getByRole('button', { name: 'Edit WELCOME20' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit WELCOME20' });
  await expect(dialog.getByText(/^Used \d+ times?: the discount is locked so past invoices stay explainable\.$/)).toBeVisible();
  await expect(dialog.getByLabel('Code')).toBeDisabled();
  await expect(dialog.getByLabel('Percent off')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Duplicate with changes' }).click();
  const copy = page.getByRole('dialog', { name: 'Duplicate WELCOME20' });
  await expect(copy.getByLabel('Code')).toHaveValue('WELCOME20-V2');
  await expect(copy.getByLabel('Deactivate WELCOME20 after creating this coupon')).not.toBeChecked();
});
