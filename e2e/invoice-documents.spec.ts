import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { horizontalRules, inkShare, rasterizeFirstPage, redShare, type TRaster } from './pdf-raster';
import { signIn } from './sign-in';

// Each test renders a PDF on the server and rasterizes it with pdftoppm: more than the default 45 s
// on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

/** Opens the first invoice in `status` from the invoice browser; returns its number. */
async function openFirstInvoice(page: Page, status: string): Promise<string> {
  await page.goto(`/invoices?status=${status}`);
  const link = page.getByRole('table', { name: 'Invoices' }).locator('tbody tr').getByRole('link').first();
  const number = (await link.innerText()).trim();
  expect(number).toMatch(/^INV-/);
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  return number;
}

/** Clicks "Download PDF" and keeps the file under test-results. */
async function downloadPdf(page: Page, number: string, name: string): Promise<{ path: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const path = test.info().outputPath(`${name}.pdf`);
  await download.saveAs(path);
  return { path, bytes: readFileSync(path) };
}

/**
 * The layout, read from a picture of page 1 (pdftoppm): where ink is, not how glyphs are hinted.
 * Seller top left, the title top right, the band of dates between two rules and the lines table's
 * rule below it, the footer at the bottom, and nothing in the page margins (nothing overflowed).
 */
function expectInvoiceLayout(raster: TRaster) {
  expect(raster.width / raster.height).toBeCloseTo(210 / 297, 2); // A4
  expect(inkShare(raster, [0.06, 0.03, 0.45, 0.16]), 'seller block').toBeGreaterThan(0.02);
  expect(inkShare(raster, [0.7, 0.03, 0.94, 0.09]), 'title and number').toBeGreaterThan(0.04);
  expect(inkShare(raster, [0, 0, 0.055, 1]), 'left margin').toBe(0);
  expect(inkShare(raster, [0.945, 0, 1, 1]), 'right margin').toBe(0);
  expect(inkShare(raster, [0.06, 0.94, 0.94, 0.975]), 'footer').toBeGreaterThan(0.005);
  const rules = horizontalRules(raster);
  expect(rules.length, `rules at ${rules.join(', ')}`).toBeGreaterThanOrEqual(3);
  expect(rules.filter((row) => row > 0.12 && row < 0.3), 'the dates band').toHaveLength(2);
}

test('the super-admin voids an open invoice after confirming with a reason, and sees it void', async ({ page }) => {
  await signIn(page, 'super_admin', { land: false });
  const number = await openFirstInvoice(page, 'open');
  const title = page.getByRole('heading', { level: 1, name: number }).locator('..');
  await expect(title.getByText('Open', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Void invoice' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: `Void ${number}?` })).toBeVisible();
  // No reason: the dialog says so inline and stays open; nothing is sent.
  await dialog.getByRole('button', { name: 'Void invoice' }).click();
  await expect(dialog.getByText('A reason is required.')).toBeVisible();
  await dialog.getByLabel('Reason').fill('Diterbitkan dua kali — issued twice by mistake');
  await dialog.getByRole('button', { name: 'Void invoice' }).click();

  await expect(dialog).toBeHidden();
  const toast = page.getByText(`Voided ${number}.`);
  await expect(toast).toBeVisible();
  await expect(title.getByText('Void', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Diterbitkan dua kali — issued twice by mistake' })).toContainText('Void since');
  await expect(page.getByRole('button', { name: 'Void invoice' })).toHaveCount(0);

  // The toast sits over the page's top-right buttons until it goes (it stays while hovered).
  await page.mouse.move(0, 0);
  await expect(toast).toBeHidden({ timeout: 20_000 });

  // The document says VOID across the page, in red, and keeps its layout.
  const { path } = await downloadPdf(page, number, 'void-invoice');
  const raster = rasterizeFirstPage(path);
  await test.info().attach('void invoice page 1', { path: raster.png, contentType: 'image/png' });
  expectInvoiceLayout(raster);
  expect(redShare(raster, [0.15, 0.25, 0.85, 0.65]), 'VOID watermark').toBeGreaterThan(0.03);
});

test('the super-admin downloads a paid invoice as a PDF, and prints it from its printable page', async ({ page }) => {
  await signIn(page, 'super_admin', { land: false });
  const number = await openFirstInvoice(page, 'paid');

  const { path, bytes } = await downloadPdf(page, number, 'paid-invoice');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.byteLength).toBeGreaterThan(5_000);
  // The same URL, asked with the page's session: an application/pdf attachment.
  const response = await page.request.get(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href').then((href) => href!));
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toBe(`attachment; filename="${number}.pdf"`);

  const raster = rasterizeFirstPage(path);
  await test.info().attach('paid invoice page 1', { path: raster.png, contentType: 'image/png' });
  expectInvoiceLayout(raster);
  expect(redShare(raster, [0, 0, 1, 1]), 'no watermark on a paid invoice').toBe(0);

  // The printable page shows the same document, without the console around it when printed.
  await page.getByRole('link', { name: 'Print' }).click();
  const sheet = page.getByRole('article', { name: `Invoice ${number}` });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Tax base (DPP)');
  await expect(sheet).toContainText(/VAT \(PPN \d+%\)/);
  await expect(sheet).toContainText(/Total\s*Rp [\d.]+/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(sheet).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('printable-page.png'), fullPage: true });
});
