import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

test('demo test mode: a Xendit-paid invoice is refunded through the fake, shows pending, then succeeds when the fake calls the webhook', async ({ page }) => {
  await signIn(page, 'super_admin');
  await page.goto('/invoices?status=paid');
  await expect(page.getByText('Test mode:')).toBeVisible();
  const rows = page.getByRole('table', { name: 'Invoices' }).locator('tbody tr').filter({ has: page.getByRole('link') });
  await expect(rows.first()).toBeVisible();
  // The seed pays virtual accounts, QRIS and e-wallets through Xendit: open paid invoices until the dialog names Xendit.
  const numbers = (await rows.getByRole('link').allInnerTexts()).map((text) => text.trim());
  let found = false;
  for (const number of numbers.slice(0, 25)) {
    await page.goto(`/invoices?status=paid&q=${number}`);
    await page.getByRole('link', { name: number }).click();
    await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
    if ((await page.getByRole('table', { name: 'Payments' }).innerText()).includes('Xendit')) {
      found = true;
      break;
    }
  }
  expect(found, 'a Xendit-paid invoice among the first paid ones').toBe(true);
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Returns the money through Xendit, which took the payment.');
  const refundable = Number(await dialog.getByLabel('Amount (IDR)').inputValue());
  const partial = Math.round(refundable / 4);
  await dialog.getByRole('radio', { name: /Partial refund/ }).check();
  await dialog.getByLabel('Amount (IDR)').fill(String(partial));
  await dialog.getByLabel('Reason').fill('Customer returned two seats');
  await dialog.getByRole('button', { name: 'Review refund' }).click();
  await dialog.getByRole('button', { name: 'Confirm refund' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/sent; the provider has not settled it yet \(pending\)/)).toBeVisible();
  const history = page.getByRole('table', { name: 'Refund history' }).locator('tbody tr');
  await expect(history.first()).toContainText('Pending');
  await expect(history.first()).toContainText('pending for 0 min');
  // The fake Xendit calls POST /api/v1/webhooks/xendit back a few seconds later.
  await expect.poll(async () => {
    await page.reload();
    return history.first().innerText();
  }, { timeout: 30_000, intervals: [1000] }).toContain('Succeeded');
});
