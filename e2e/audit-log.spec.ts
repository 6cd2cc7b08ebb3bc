import { expect, test, type Page } from './fixtures';
import { signIn } from './sign-in';

// Unique per run, so the spec also passes against a database that has seen earlier runs.
const suffix = Date.now().toString(36);
const API = '/api/v1/admin/billing';
const LIMITS = { max_agents: 5, max_contacts: 1000, max_messages_month: 10_000, max_channels: 2, max_ai_agents: 0 };

/** Changes made through the REST API with the page's session cookie (page.request shares the browser's cookies). */
async function createPlan(page: Page, slug: string) {
  const response = await page.request.post(`${API}/plans`, {
    data: { name: `Audit ${slug}`, slug, base_price_monthly: 299_000, per_agent_price: 49_000, overage_message_price: 200, limits: LIMITS, features: {} },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

async function updatePlan(page: Page, id: string, data: object) {
  const response = await page.request.patch(`${API}/plans/${id}`, { data });
  expect(response.status(), await response.text()).toBe(200);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, 'super_admin');
});

test('a plan change made through the API is in the audit log with its diff', async ({ page }) => {
  const plan = await createPlan(page, `audit-e2e-${suffix}`);
  await updatePlan(page, plan.id, { limits: { ...LIMITS, max_agents: 12 } });

  await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Entity type').selectOption('plan');
  await expect(page).toHaveURL(/entity_type=plan/);

  const table = page.getByRole('table', { name: 'Audit log' });
  const newest = table.locator('tbody > tr').first();
  await expect(newest).toContainText('plan.updated');
  await expect(newest).toContainText(plan.name);
  await expect(newest).toContainText('superadmin@example.com');
  await expect(newest.getByRole('link', { name: plan.name })).toHaveAttribute('href', '/plans');

  await newest.getByRole('button', { name: /^Show \d+ changes? of plan\.updated/ }).click();
  const diff = page.getByRole('table', { name: 'Changes in plan.updated' });
  const limitRow = diff.getByRole('row').filter({ hasText: 'limits.max_agents' });
  await expect(limitRow.locator('del')).toHaveText('5');
  await expect(limitRow.locator('ins')).toHaveText('12');
  await expect(diff.getByRole('row').filter({ hasText: 'base_price_monthly' })).toHaveCount(0);

  // The filter is in the URL: a reload shows the same view, rendered by the server.
  await page.reload();
  await expect(page.getByLabel('Entity type')).toHaveValue('plan');
  await expect(table.locator('tbody > tr').first()).toContainText('plan.updated');
});

test('filters by actor and action, and pages with Load more', async ({ page }) => {
  const plan = await createPlan(page, `audit-paging-${suffix}`);
  for (let order = 1; order <= 26; order++) await updatePlan(page, plan.id, { sort_order: order });

  await page.goto('/audit-log?entity_type=plan&action=plan.updated');
  await page.getByLabel('Actor').fill('superadmin@');
  await expect(page).toHaveURL(/actor=superadmin%40/);
  const rows = page.getByRole('table', { name: 'Audit log' }).getByRole('button', { name: /^Show/ });
  await expect(rows).toHaveCount(25);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).not.toHaveCount(25);
  expect(await rows.count()).toBeGreaterThanOrEqual(26);

  await page.getByLabel('Actor').fill(`nobody-${suffix}`);
  await expect(page.getByText('No audit entries match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(/\/audit-log$/);
});
