import { expect, test } from './fixtures';
import { formatMoney } from '../lib/money';
import { signIn } from './sign-in';

test('the super-admin records a partial bank transfer on an open invoice, then the rest: the invoice is paid', async ({ page }) => {
  await signIn(page, 'super_admin', { land: false });
  await page.goto('/invoices?status=open');
  const rows = page.getByRole('table', { name: 'Invoices' }).locator('tbody tr').filter({ has: page.getByRole('link') });
  await expect(rows.first()).toBeVisible();
  const number = (await rows.first().getByRole('link').innerText()).trim();
  await rows.first().getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  const title = page.getByRole('heading', { level: 1, name: number }).locator('..');
  await expect(title.getByText('Open', { exact: true })).toBeVisible();
  await expect(page.getByText('No payments received.')).toBeVisible();

  // 1. A partial transfer: a third of what is due.
  await page.getByRole('button', { name: 'Record payment' }).click();
  const dialog = page.getByRole('dialog');
  const due = Number(await dialog.getByLabel('Amount (IDR)').inputValue());
  expect(due).toBeGreaterThan(0);
  const partial = Math.round(due / 3);
  await dialog.getByLabel('Amount (IDR)').fill(String(partial));
  await dialog.getByLabel('Method').selectOption('bank_transfer');
  await dialog.getByLabel('Reference').fill(`BCA-E2E-${Date.now()}`);
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Recorded ${formatMoney(partial, 'IDR')}; ${formatMoney(due - partial, 'IDR')} still due.`)).toBeVisible();
  const payments = page.getByRole('table', { name: 'Payments' }).locator('tbody tr');
  await expect(payments).toHaveCount(1);
  await expect(title.getByText('Open', { exact: true })).toBeVisible();

  // 2. The rest, which the dialog offers by default; the same reference again would be refused.
  await page.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog.getByLabel('Amount (IDR)')).toHaveValue(String(due - partial));
  await dialog.getByLabel('Method').selectOption('virtual_account');
  await dialog.getByLabel('Reference').fill(`VA-E2E-${Date.now()}`);
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Recorded ${formatMoney(due - partial, 'IDR')}: ${number} is paid.`)).toBeVisible();
  await expect(title.getByText('Paid', { exact: true })).toBeVisible();
  await expect(payments).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Record payment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Refund', exact: true })).toBeVisible();
});
