import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const DOCUMENT = '/api/v1/admin/billing/openapi.json';

test('the OpenAPI document is public and OpenAPI 3.1', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get(DOCUMENT);
  expect(response.status()).toBe(200);
  expect((await response.json()).openapi).toBe('3.1.0');
  await anonymous.dispose();
});

test('the super-admin reads the API reference, offline, and tries an operation with the session', async ({ page }) => {
  // Nothing but this app may be asked for anything: no CDN scripts, fonts or validator badges.
  const foreign: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== 'localhost' && url.protocol !== 'data:') {
      foreign.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  await signIn(page, 'super_admin');
  await page.getByRole('navigation').getByRole('link', { name: 'API docs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API docs' })).toBeVisible();

  const document = await (await page.request.get(DOCUMENT)).json();
  const operations = Object.values(document.paths as Record<string, object>).flatMap((item) => Object.keys(item)).length;
  await expect(page.locator('.opblock')).toHaveCount(operations, { timeout: 30_000 });
  await expect(page.getByText('Refund an invoice', { exact: true })).toBeVisible();

  const listPlans = page.locator('#operations-Plans-listPlans');
  await listPlans.locator('.opblock-summary').click();
  await listPlans.getByRole('button', { name: 'Try it out' }).click();
  await listPlans.getByRole('button', { name: 'Execute' }).click();
  await expect(listPlans.locator('.live-responses-table .response .response-col_status').first()).toHaveText(/^200/);
  await expect(listPlans.locator('.live-responses-table')).toContainText('"slug": "growth"');

  await page.getByRole('link', { name: 'openapi.json', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${DOCUMENT.replaceAll('.', '\\.')}$`));
  expect(foreign).toEqual([]);
});
