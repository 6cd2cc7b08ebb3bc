import { expect, test } from './fixtures';
import { signIn } from './sign-in';

test('a super-admin issues an API key, a service calls the API with it, and revoking it locks the service out at once', async ({ page, playwright, baseURL }) => {
  await signIn(page);
  await page.getByRole('navigation').getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();

  const name = `E2E service ${Date.now()}`;
  await page.getByRole('button', { name: 'Create API key' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await expect(dialog.getByLabel('Role')).toHaveValue('super_admin');
  await dialog.getByRole('button', { name: 'Create key' }).click();

  // The secret, once, with a warning and a working Copy button.
  const secretField = dialog.getByRole('textbox', { name: 'Secret', exact: true });
  await expect(secretField).toHaveValue(/^bk_[A-Za-z0-9_-]{43}$/);
  await expect(secretField).toHaveAttribute('readonly', '');
  const secret = await secretField.inputValue();
  await expect(dialog.getByText('This secret will not be shown again')).toBeVisible();
  await expect(page.getByText(`API key “${name}” created.`)).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await dialog.getByRole('button', { name: 'Copy secret' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`${secret.slice(0, 11)}…`);
  await expect(row).toContainText('Super-admin');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');
  await expect(page.locator('body')).not.toContainText(secret);

  // Another service: its own request context, without the browser's session cookie.
  const service = await playwright.request.newContext({ baseURL });
  try {
    const headers = { authorization: `Bearer ${secret}` };
    const allowed = await service.get('/api/v1/admin/billing/plans', { headers });
    expect(allowed.status()).toBe(200);
    expect(Array.isArray(await allowed.json())).toBe(true);
    expect((await service.get('/api/v1/admin/billing/plans')).status()).toBe(401);

    await expect(async () => {
      await page.reload();
      await expect(row).toContainText('just now', { timeout: 1_000 });
    }).toPass();

    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText(`${secret.slice(0, 11)}…`);
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await expect(page.getByText(`API key “${name}” revoked.`, { exact: false })).toBeVisible();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);

    const refused = await service.get('/api/v1/admin/billing/plans', { headers });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  } finally {
    await service.dispose();
  }
});

test('the create dialog checks the name before anything is sent', async ({ page }) => {
  await signIn(page, 'super_admin', { land: false });
  await page.goto('/api-keys');
  await page.getByRole('button', { name: 'Create API key' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('   ');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(dialog.getByText('Required.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Secret', exact: true })).toHaveCount(0);
});
