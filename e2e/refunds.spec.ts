import { expect, test } from './fixtures';
import { formatMoney } from '../lib/money';
import { signIn } from './sign-in';

test('the super-admin finds a paid invoice by number, refunds part of it, then the rest', async ({ page }) => {
  // It opens paid invoices through the API until one was paid by a manual bank transfer.
  test.slow();
  await signIn(page, 'super_admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();

  const table = page.getByRole('table', { name: 'Invoices' });
  const rows = table.locator('tbody tr').filter({ has: page.getByRole('link') });
  const statuses = rows.locator('td:nth-child(5)');

  // Filter to paid invoices: the filter goes into the URL and every row shown is paid.
  await page.getByLabel('Status').selectOption('paid');
  await expect(page).toHaveURL(/[?&]status=paid/);
  await expect.poll(async () => {
    const texts = await statuses.allInnerTexts();
    return texts.length > 0 && texts.every((text) => text.trim() === 'Paid');
  }).toBe(true);

  // A paid invoice whose payment was a bank transfer recorded by hand: its refunds are `manual`
  // (no provider is called), so each one settles at once. Xendit- or Stripe-paid invoices would go
  // to the demo's fake providers, and Xendit answers pending.
  const candidates = (await rows.getByRole('link').allInnerTexts()).map((text) => text.trim());
  let number = '';
  for (const candidate of candidates) {
    const invoice = await page.request.get(`/api/v1/admin/billing/invoices?status=paid&q=${candidate}`);
    const [found] = (await invoice.json()).data as { id: string }[];
    const detail = (await (await page.request.get(`/api/v1/admin/billing/invoices/${found!.id}`)).json()) as { payments: { provider: string }[] };
    if (detail.payments.length > 0 && detail.payments.every((payment) => payment.provider === 'manual')) {
      number = candidate;
      break;
    }
  }
  expect(number, 'a paid invoice paid by a manual bank transfer on the first page').toMatch(/^INV-/);

  // Search by its number: the table narrows to that one invoice.
  await page.getByLabel('Number').fill(number);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${number}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('link')).toHaveText(number);

  await rows.first().getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  // The status badge sits beside the number (the word "Refunded" also labels an amount below).
  const title = page.getByRole('heading', { level: 1, name: number }).locator('..');
  await expect(title.getByText('Paid', { exact: true })).toBeVisible();
  const history = page.getByRole('table', { name: 'Refund history' }).locator('tbody tr');
  await expect(page.getByText('No refunds yet.')).toBeVisible();

  // 1. Partial: 10% of the refundable amount, in whole rupiah.
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Manual: no provider is called.');
  const refundable = Number(await dialog.getByLabel('Amount (IDR)').inputValue());
  expect(refundable).toBeGreaterThan(0);
  const partial = Math.round(refundable / 10);
  await dialog.getByRole('radio', { name: /Partial refund/ }).check();
  // Choosing a partial refund puts the cursor in the amount (a moment later): typing starts only then.
  await expect(dialog.getByLabel('Amount (IDR)')).toBeFocused();
  await dialog.getByLabel('Amount (IDR)').fill(String(partial));
  await dialog.getByLabel('Reason').fill('Goodwill credit for a delivery outage');
  await dialog.getByRole('button', { name: 'Review refund' }).click();
  await expect(dialog).toContainText(`Refund ${formatMoney(partial, 'IDR')} of ${number}? This returns money to the customer.`);
  await dialog.getByRole('button', { name: 'Confirm refund' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Refunded ${formatMoney(partial, 'IDR')} of ${number}.`)).toBeVisible();
  await expect(title.getByText('Partially refunded', { exact: true })).toBeVisible();
  await expect(history).toHaveCount(1);

  // 2. Full: the rest, which the dialog offers by default.
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(dialog.getByRole('radio', { name: /Full refund/ })).toBeChecked();
  await expect(dialog.getByLabel('Amount (IDR)')).toHaveValue(String(refundable - partial));
  await dialog.getByLabel('Reason').fill('Customer cancelled the subscription');
  await dialog.getByRole('button', { name: 'Review refund' }).click();
  await expect(dialog).toContainText(`Refund ${formatMoney(refundable - partial, 'IDR')} of ${number}?`);
  await dialog.getByRole('button', { name: 'Confirm refund' }).click();

  await expect(dialog).toBeHidden();
  await expect(title.getByText('Refunded', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refund', exact: true })).toHaveCount(0);
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('Customer cancelled the subscription');
  await expect(history.nth(1)).toContainText('Goodwill credit for a delivery outage');
});

test('an invoice link that names no invoice is a 404 page, inside the console', async ({ page }) => {
  await signIn(page, 'super_admin', { land: false });
  for (const id of ['0f9b3a52-6c1e-4d7a-9b8e-2f4c6a1d3e57', 'not-an-invoice-id']) {
    const response = await page.goto(`/invoices/${id}`);
    expect(response?.status(), `/invoices/${id}`).toBe(404);
    await expect(page.getByText('No invoice has this id')).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Invoices' })).toBeVisible();
  }
  // The list beside it still streams its skeleton and answers 200.
  expect((await page.goto('/invoices'))?.status()).toBe(200);
});
