import { expect, test } from './fixtures';
import { seedUser, signIn } from './sign-in';

test('anonymous visitors are sent to the sign-in page', async ({ page }) => {
  await page.goto('/plans');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(seedUser('super_admin').email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Next's route announcer is an empty role=alert too: match ours by its text.
  await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('the super-admin signs in, sees the console shell and signs out', async ({ page }) => {
  await signIn(page, 'super_admin', { viaForm: true });
  const nav = page.getByRole('navigation');
  for (const item of ['Dashboard', 'Plans', 'Coupons', 'Add-ons', 'Invoices', 'Audit log', 'API keys', 'API docs']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }
  await expect(page.getByText(seedUser('super_admin').email).first()).toBeVisible();
  await nav.getByRole('link', { name: 'Plans' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

for (const role of ['admin', 'support'] as const) {
  test(`the ${role} user sees the super-admins-only screen, on every console page`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByRole('heading', { name: 'Super-admins only' })).toBeVisible();
    await page.goto('/invoices');
    await expect(page.getByRole('heading', { name: 'Super-admins only' })).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);

    const api = await page.request.get('/api/v1/admin/billing/plans');
    expect(api.status()).toBe(403);
    expect(api.headers()['content-type']).toContain('application/problem+json');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
  });
}

test('the API answers anonymous calls with 401 problem+json', async ({ request }) => {
  const response = await request.get('/api/v1/admin/billing/plans');
  expect(response.status()).toBe(401);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  expect(await response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
});
