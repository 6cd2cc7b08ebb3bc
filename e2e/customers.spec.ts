import { expect, test, type Page } from './fixtures';
import { signIn } from './sign-in';

// One customer (named to match no other spec's searches: invoices-organization-filter counts the "kopi" tenants)
// goes through the journeys in order: created and subscribed with a coupon, upgraded,
// a downgrade scheduled and undone, a used coupon refused, cancelled at period end and reactivated.
test.describe.configure({ mode: 'serial' });

const slug = `e2e-customer-${Date.now().toString(36)}`;
let customerUrl = '';

async function openCustomer(page: Page) {
  await signIn(page, 'super_admin', { land: false });
  await page.goto(customerUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Warung Senja E2E' })).toBeVisible();
}

test('create a customer and subscribe it with a coupon', async ({ page }) => {
  await signIn(page, 'super_admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();

  await page.getByRole('button', { name: 'New customer' }).click();
  const form = page.getByRole('form', { name: 'New customer' });
  await form.getByLabel('Name').fill('Warung Senja E2E');
  await form.getByLabel('Slug').fill(slug);
  await form.getByLabel('Billing email').fill(`billing@${slug}.test`);
  await form.getByLabel('NPWP (optional)').fill('12');
  await form.getByRole('button', { name: 'Create customer' }).click();
  // The API's field error sits under its field.
  await expect(form.getByText('An NPWP of 15 or 16 digits, e.g. 01.234.567.8-901.000.', { exact: true })).toBeVisible();
  await form.getByLabel('NPWP (optional)').fill('01.234.567.8-901.000');
  await form.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Warung Senja E2E' })).toBeVisible();
  customerUrl = new URL(page.url()).pathname;

  const subscribe = page.getByRole('form', { name: 'Subscribe' });
  await subscribe.getByLabel('Plan').selectOption({ label: 'Starter (IDR)' });
  await subscribe.getByLabel('Agents').fill('2');
  await subscribe.getByLabel('Coupon code (optional)').fill('partner10');
  await subscribe.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByText('Subscribed: the first invoice is issued.')).toBeVisible();
  await expect(page.getByText('PARTNER10 (forever)')).toBeVisible();
  await expect(page.getByText('Starter (monthly)')).toBeVisible();
  // Rp 299.000 − 10% = 269.100 a month.
  await expect(page.getByTestId('customer-mrr')).toHaveText(/269\.100/);
});

test('usage reported through POST /usage shows on the subscription card: used of included, a bar, the projected overage', async ({ page }) => {
  await openCustomer(page);
  const organizationId = customerUrl.split('/').at(-1)!;
  const usage = page.getByRole('region', { name: 'Usage this period' });
  await expect(usage.getByTestId('usage-used')).toHaveText('0 of 5,000 included');
  const reported = await page.request.post('/api/v1/admin/billing/usage', {
    data: { events: [4_000, 2_000].map((messages, index) => ({ organization_id: organizationId, messages, occurred_at: new Date().toISOString(), event_id: `e2e-${slug}-${index}` })) },
  });
  expect(reported.status(), await reported.text()).toBe(200);
  await page.reload();
  await expect(usage.getByTestId('usage-used')).toHaveText('6,000 of 5,000 included, 1,000 over');
  await expect(usage.getByRole('progressbar', { name: 'Messages used of included' })).toHaveAttribute('aria-valuenow', '5000');
  // Less than a day into the period the pace is what is used: 1,000 beyond the allowance at Starter's Rp 300 a message.
  await expect(usage.getByTestId('usage-projection')).toContainText(/On pace for 6,000 messages: about 1,000 over, Rp\s?300\.000 overage at Rp\s?300 a message \(before PPN\)/);
  await usage.screenshot({ path: test.info().outputPath('usage-meter.png') });
});

test('upgrade it and see the prorated invoice', async ({ page }) => {
  await openCustomer(page);
  const change = page.getByRole('form', { name: 'Change subscription' });
  await change.getByLabel('Plan').selectOption({ label: 'Growth' });
  await change.getByRole('button', { name: 'Preview change' }).click();
  const preview = page.getByLabel('Change preview');
  await expect(preview.getByText(/Takes effect now · MRR Rp\s?269\.100 → Rp\s?719\.100/)).toBeVisible();
  await expect(preview.getByText(/Unused time on Starter \(monthly\)/)).toBeVisible();
  await preview.getByRole('button', { name: 'Confirm change' }).click();
  await expect(page.getByText('Changed: the prorated invoice is issued.')).toBeVisible();
  await expect(page.getByText('Growth (monthly)')).toBeVisible();

  const invoices = page.getByRole('region', { name: 'Invoices' }).or(page.locator('section').filter({ has: page.getByRole('heading', { name: 'Invoices' }) }));
  await invoices.getByRole('link', { name: /^INV-/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^INV-/ })).toBeVisible();
  await expect(page.getByText(/Unused time on Starter \(monthly\)/)).toBeVisible();
  await expect(page.getByText(/Growth \(monthly\), \d+ of \d+ days/)).toBeVisible();
});

test('schedule a downgrade, see the banner, undo it', async ({ page }) => {
  await openCustomer(page);
  const change = page.getByRole('form', { name: 'Change subscription' });
  await change.getByLabel('Plan').selectOption({ label: 'Starter' });
  await change.getByRole('button', { name: 'Preview change' }).click();
  const preview = page.getByLabel('Change preview');
  await expect(preview.getByText(/Takes effect at the period end/)).toBeVisible();
  await preview.getByRole('button', { name: 'Confirm change' }).click();
  const banner = page.getByRole('note', { name: 'Scheduled change' });
  await expect(banner).toContainText('Starter (monthly), 2 agents');
  await banner.getByRole('button', { name: 'Undo scheduled change' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByText('Growth (monthly)')).toBeVisible();
});

test('apply a coupon the customer already used and read the refusal', async ({ page }) => {
  await openCustomer(page);
  await page.getByRole('button', { name: 'Remove coupon PARTNER10' }).click();
  await expect(page.getByText('Coupon removed.')).toBeVisible();
  const apply = page.getByRole('form', { name: 'Apply coupon' });
  await apply.getByLabel('Coupon code').fill('PARTNER10');
  await apply.getByRole('button', { name: 'Apply coupon' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'has already redeemed coupon PARTNER10' })).toBeVisible();
});

test('cancel at period end and reactivate', async ({ page }) => {
  await openCustomer(page);
  const cancel = page.getByRole('form', { name: 'Cancel subscription' });
  await cancel.getByRole('button', { name: 'Cancel subscription' }).click();
  await expect(cancel.getByText('Say why (at most 500 characters).', { exact: true })).toBeVisible();
  await cancel.getByLabel('Reason').fill('Closing the second outlet');
  await cancel.getByRole('button', { name: 'Cancel subscription' }).click();
  const banner = page.getByRole('note', { name: 'Scheduled cancellation' });
  await expect(banner).toContainText('it will not renew');
  await expect(page.getByText('Cancels at period end')).toBeVisible();
  await banner.getByRole('button', { name: 'Reactivate' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('form', { name: 'Cancel subscription' })).toBeVisible();
});
