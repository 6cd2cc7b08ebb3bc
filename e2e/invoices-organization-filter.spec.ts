import { expect, test, type Page } from './fixtures';
import { signIn } from './sign-in';

/** Every invoice row shown, once the table has settled, is billed to `name`. */
async function expectRowsFor(page: Page, name: string) {
  const table = page.getByRole('table', { name: 'Invoices' });
  await expect(table).toHaveAttribute('aria-busy', 'false');
  const organizations = table.locator('tbody tr').filter({ has: page.getByRole('link') }).locator('td:nth-child(2)');
  await expect.poll(async () => {
    const texts = await organizations.allInnerTexts();
    return texts.length > 0 && texts.every((text) => text.trim() === name);
  }).toBe(true);
}

test('the super-admin filters invoices by typing part of an organization\'s name and choosing it', async ({ page }) => {
  await signIn(page, 'super_admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  const picker = page.getByRole('combobox', { name: 'Organization' });
  await expect(picker).toHaveValue('');
  await expect(picker).toHaveAttribute('placeholder', 'All organizations');

  // Keyboard: a part of the name in another case, then Enter on the first match.
  await picker.fill('dapur REMPAH');
  const listbox = page.getByRole('listbox', { name: 'Organizations' });
  await expect(listbox.getByRole('option')).toHaveCount(1);
  await expect(listbox.getByRole('option').first()).toContainText('PT Dapur Rempah Indonesia');
  await expect(listbox.getByRole('option').first()).toContainText('dapur-rempah-indonesia');
  await expect(picker).toHaveAttribute('aria-activedescendant', /option-0$/);
  await picker.press('Enter');
  await expect(listbox).toBeHidden();
  await expect(picker).toHaveValue('PT Dapur Rempah Indonesia');
  await expect(page).toHaveURL(/[?&]organization_id=[0-9a-f-]{36}/);
  await expectRowsFor(page, 'PT Dapur Rempah Indonesia');

  // Reopened, the input starts empty with the selected name as its placeholder: typing searches afresh.
  await picker.click();
  await expect(picker).toHaveValue('');
  await expect(picker).toHaveAttribute('placeholder', 'PT Dapur Rempah Indonesia');

  // Mouse: two tenants match "kopi", by name; the first one is chosen.
  await picker.fill('kopi');
  const options = listbox.getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toContainText('PT Kopi Pagi Cerah');
  await expect(options.nth(1)).toContainText('Toko Kopi Senja Nusantara');
  await options.nth(0).click();
  await expect(picker).toHaveValue('PT Kopi Pagi Cerah');
  await expectRowsFor(page, 'PT Kopi Pagi Cerah');
  const url = page.url();
  const organizationId = new URL(url).searchParams.get('organization_id');
  expect(organizationId).toMatch(/^[0-9a-f-]{36}$/);

  // Escape puts the chosen name back and keeps the filter.
  await picker.fill('samudra');
  await expect(options).toHaveCount(1);
  await picker.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(picker).toHaveValue('PT Kopi Pagi Cerah');
  expect(page.url()).toBe(url);

  // A fresh load of the filtered URL: the server names the organization, the table is filtered.
  await page.reload();
  await expect(picker).toHaveValue('PT Kopi Pagi Cerah');
  await expectRowsFor(page, 'PT Kopi Pagi Cerah');

  // The × clears the filter.
  await page.getByRole('button', { name: 'Clear organization filter' }).click();
  await expect(picker).toHaveValue('');
  await expect(page).not.toHaveURL(/organization_id=/);
  await expect(page.getByRole('table', { name: 'Invoices' }).locator('tbody tr td:nth-child(2)').filter({ hasNotText: 'PT Kopi Pagi Cerah' }).first()).toBeVisible();
});

test('a search that matches nothing says so', async ({ page }) => {
  await signIn(page, 'super_admin', { land: false });
  await page.goto('/invoices');
  const picker = page.getByRole('combobox', { name: 'Organization' });
  await picker.fill('100%_no-such-tenant');
  await expect(page.getByText('No organization matches “100%_no-such-tenant”.')).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Organizations' })).toHaveCount(0);
});
