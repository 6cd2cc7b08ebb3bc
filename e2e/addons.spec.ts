import { expect, test } from './fixtures';
import { signIn } from './sign-in';

test('the super-admin creates, reprices and deactivates an add-on', async ({ page }) => {
  const slug = `e2e-addon-${Date.now().toString(36)}`;
  const name = `E2E add-on ${slug.slice(-6)}`;
  await signIn(page, 'super_admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Add-ons' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add-ons' })).toBeVisible();

  // Create, leaving the annual price to its default (monthly × 10).
  await page.getByRole('button', { name: 'New add-on' }).click();
  const createDialog = page.getByRole('dialog', { name: 'New add-on' });
  await createDialog.getByLabel('Name').fill(name);
  await createDialog.getByLabel('Slug').fill(slug);
  await createDialog.getByLabel('Unit').selectOption('per_agent');
  await createDialog.getByLabel('Monthly price').fill('120000');
  await expect(createDialog.getByText('2 months free')).toBeVisible();
  await createDialog.getByRole('button', { name: 'Create add-on' }).click();
  await expect(createDialog).toBeHidden();
  await expect(page.getByText(`Add-on “${name}” created.`)).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: slug });
  await expect(row).toContainText('Rp 120.000');
  await expect(row).toContainText('Rp 1.200.000');
  await expect(row).toContainText('Per agent');
  await expect(row).toContainText('Active');

  // Reprice: the monthly price changes, the annual one stays.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const editDialog = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(editDialog.getByText(slug)).toBeVisible();
  await editDialog.getByLabel('Monthly price').fill('135000');
  await editDialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(editDialog).toBeHidden();
  await expect(row).toContainText('Rp 135.000');
  await expect(row).toContainText('Rp 1.200.000');

  // Deactivate, after confirming.
  await row.getByRole('button', { name: `Deactivate ${name}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Deactivate ${name}?` });
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Inactive');

  // The status filter and search agree.
  await page.getByLabel('Filter by status').selectOption('inactive');
  await page.getByLabel('Search add-ons by name or slug').fill(slug);
  await expect(page.getByRole('row').filter({ hasText: slug })).toHaveCount(1);
  await page.getByLabel('Filter by status').selectOption('active');
  await expect(page.getByRole('row').filter({ hasText: slug })).toHaveCount(0);
  await expect(page.getByText('No add-ons match')).toBeVisible();
});

test('a taken slug is shown on the slug field', async ({ page }) => {
  const slug = `e2e-taken-${Date.now().toString(36)}`;
  await signIn(page, 'super_admin');
  // The REST API, authenticated by the same session cookie as the console.
  const existing = await page.request.post('/api/v1/admin/billing/addons', { data: { name: 'Taken', slug, price_monthly: 5000 } });
  expect(existing.status()).toBe(201);
  await page.goto('/addons');
  await page.getByRole('button', { name: 'New add-on' }).click();
  const dialog = page.getByRole('dialog', { name: 'New add-on' });
  await dialog.getByLabel('Name').fill('Duplicate');
  await dialog.getByLabel('Slug').fill(slug);
  await dialog.getByLabel('Monthly price').fill('1000');
  await dialog.getByRole('button', { name: 'Create add-on' }).click();
  await expect(dialog.getByText('This slug is already taken.')).toBeVisible();
  await expect(dialog.getByLabel('Slug')).toHaveAttribute('aria-invalid', 'true');

  // Client-side too: the same schema rejects rupiah decimals before any request.
  await dialog.getByLabel('Monthly price').fill('1000.5');
  await dialog.getByRole('button', { name: 'Create add-on' }).click();
  await expect(dialog.getByText('IDR amounts are whole numbers.')).toBeVisible();
});
