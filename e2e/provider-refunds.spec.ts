import { expect, test } from './fixtures';
import { formatMoney } from '../lib/money';
import { signIn } from './sign-in';

// Both wait for the fake Xendit's callback (a few seconds), and the first opens paid invoices one by one.
test.slow();

test('demo test mode: a Xendit-paid invoice is refunded through the fake, shows pending, then succeeds when the fake calls the webhook', async ({ page }) => {
  await signIn(page, 'super_admin', { land: false });
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
  const invoiceNumber = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Returns the money through Xendit, which took the payment.');
  const refundable = Number(await dialog.getByLabel('Amount (IDR)').inputValue());
  const partial = Math.round(refundable / 4);
  await dialog.getByRole('radio', { name: /Partial refund/ }).check();
  // Choosing a partial refund puts the cursor in the amount (a moment later): typing starts only then.
  await expect(dialog.getByLabel('Amount (IDR)')).toBeFocused();
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

  // Succeeded: its credit note (SPEC §12), the refunded amount split into DPP and PPN, with its PDF.
  const notes = page.getByRole('table', { name: 'Credit notes' }).locator('tbody tr');
  await expect(notes).toHaveCount(1);
  await expect(notes.first()).toContainText(/CN-\d{6}-\d{4}/);
  await expect(notes.first()).toContainText(formatMoney(partial, 'IDR'));
  const number = (await notes.first().locator('td').first().innerText()).trim();
  const pdf = await page.request.get((await notes.first().getByRole('link', { name: `Download ${number} as PDF` }).getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="${number}.pdf"`);

  // The Payments & refunds page lists the callback that settled it, applied, linked to the invoice.
  await page.getByRole('navigation').getByRole('link', { name: 'Payments & refunds' }).click();
  const events = page.getByRole('table', { name: 'Recent provider events' });
  const event = events.locator('tbody tr').filter({ hasText: 'refund.succeeded' }).first();
  await expect(event).toContainText('Xendit');
  await expect(event).toContainText('Applied');
  // The Matched column: the invoice's number as its link, what the event was about below it.
  await expect(event.getByRole('link', { name: invoiceNumber })).toBeVisible();
  await expect(event.getByRole('cell').filter({ has: page.getByRole('link', { name: invoiceNumber }) })).toContainText('refund');
});

test('Payments & refunds: the refund stuck pending at Xendit shows its age; "Recheck now" asks Xendit, which settles it by webhook', async ({ page }, testInfo) => {
  await signIn(page, 'super_admin', { land: false });
  await page.goto('/payments');
  await expect(page.getByRole('heading', { level: 1, name: 'Payments & refunds' })).toBeVisible();
  const stuck = page.getByRole('table', { name: 'Stuck refunds' }).locator('tbody tr');
  await expect(stuck).toHaveCount(1);
  await expect(stuck.first()).toContainText('Xendit');
  await expect(stuck.first()).toContainText(/pending for (4[5-9]|5\d) min|pending for \d+ h \d+ min/);
  await expect(stuck.first()).toContainText('never');
  const invoiceNumber = (await stuck.first().getByRole('link').innerText()).trim();
  await page.screenshot({ path: testInfo.outputPath('payments-stuck.png'), fullPage: true });

  // The fake Xendit never heard of it: asked with our refund id as the idempotency key, it makes
  // the refund now (pending) and calls the webhook back a few seconds later.
  await stuck.first().getByRole('button', { name: /^Recheck now: / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Still pending at the provider.' })).toBeVisible();
  await expect.poll(async () => {
    await page.reload();
    return page.getByText('No refund has been pending longer than 10 min.').isVisible();
  }, { timeout: 30_000, intervals: [1000] }).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('payments-settled.png'), fullPage: true });

  await page.goto(`/invoices?q=${invoiceNumber}`);
  await page.getByRole('link', { name: invoiceNumber }).click();
  await expect(page.getByRole('table', { name: 'Refund history' }).locator('tbody tr').first()).toContainText('Succeeded');
  await expect(page.getByRole('table', { name: 'Credit notes' }).locator('tbody tr')).toHaveCount(1);
});
