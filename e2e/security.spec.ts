import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { NAV_LINKS } from '../components/console/nav-links';
import { signIn } from './sign-in';

/**
 * Collects every CSP violation the page reports (the securitypolicyviolation event, through a
 * binding that survives navigations) and every console message or page error about the policy.
 */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
  page.on('console', (message) => {
    if (/content.security.policy/i.test(message.text())) violations.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (/content.security.policy|EvalError/i.test(error.message)) violations.push(`page error on ${page.url()}: ${error.message}`);
  });
  return violations;
}

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

test('every console page works under the CSP: no violation, no CSP error in the console', async ({ page }) => {
  // Ten pages, each rendered and hydrated: more than one page's worth of the default timeout.
  test.setTimeout(150_000);
  const violations = await watchCsp(page);
  await page.goto('/login');
  await signIn(page, 'super_admin', { land: false });

  for (const { href, label } of NAV_LINKS) {
    const response = await page.goto(href);
    expect(response?.status(), href).toBe(200);
    expect(nonceOf(response?.headers()['content-security-policy']), href).toBeDefined();
    await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
    // Hydrated: a client-side navigation, which needs the scripts the CSP let run.
    if (href === '/plans') {
      await page.getByRole('button', { name: 'New plan' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
    }
    if (href === '/docs') await expect(page.locator('.opblock').first()).toBeVisible({ timeout: 60_000 });
    if (href === '/invoices') {
      await page.getByRole('table').getByRole('link').first().click();
      await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Coupons' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coupons' })).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  // Give late reports (lazy chunks, styles) a moment to arrive.
  await page.waitForTimeout(500);
  expect(violations).toEqual([]);
});

test('Next puts the request\'s nonce on every script it renders, and the nonce changes per request', async ({ page }) => {
  const first = await page.goto('/login');
  const nonce = nonceOf(first?.headers()['content-security-policy']);
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  const scripts = await page.evaluate(() => [...document.scripts].map((script) => script.nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  const second = await page.goto('/login');
  expect(nonceOf(second?.headers()['content-security-policy'])).not.toBe(nonce);
});

test('an injected inline handler does not run: the CSP blocks it and reports it', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/login');
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/nope.png" onerror="window.__injected = true">'));
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(violations.join('\n')).toMatch(/script-src/);
});

test('pages and API responses carry the security headers; the API no CSP and no redirect', async ({ page, request }) => {
  const pageResponse = await page.goto('/login');
  const api = await request.get('/api/v1/admin/billing/plans');
  expect(api.status()).toBe(401);
  for (const headers of [pageResponse!.headers(), api.headers()]) {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-frame-options']).toBe('DENY');
    // Plain HTTP on localhost: no HSTS (production over HTTPS only).
    expect(headers['strict-transport-security']).toBeUndefined();
  }
  const policy = pageResponse!.headers()['content-security-policy']!;
  for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "'strict-dynamic'"]) expect(policy).toContain(directive);
  expect(api.headers()['content-security-policy']).toBeUndefined();
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await signIn(page, 'super_admin');
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
});

/** The id Next gave a server action, from the build's manifest (the browser learns it the same way, from the page's bundle). */
function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName && action.filename?.includes('actions/plans'));
  if (!entry) throw new Error(`no server action ${exportedName} in the build's manifest`);
  return entry[0];
}

test('a server action posted from a foreign Origin is refused and changes nothing; the same post from our origin runs', async ({ page, baseURL }) => {
  await signIn(page, 'super_admin');
  const actionId = serverActionId('createPlanAction');
  const plan = (slug: string) => [{ name: `CSRF ${slug}`, slug, base_price_monthly: 1000, per_agent_price: 0, overage_message_price: 0, limits: { max_agents: 1, max_contacts: 1, max_messages_month: 1, max_channels: 1, max_ai_agents: 0 }, features: {} }];
  const post = (origin: string, slug: string) =>
    page.request.post('/plans', {
      headers: { 'Next-Action': actionId, Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      data: JSON.stringify(plan(slug)),
    });
  const slugs = async () => ((await (await page.request.get('/api/v1/admin/billing/plans')).json()) as { slug: string }[]).map((row) => row.slug);
  const suffix = Date.now().toString(36);

  const foreign = await post('https://evil.example', `csrf-foreign-${suffix}`);
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await slugs()).not.toContain(`csrf-foreign-${suffix}`);

  const own = await post(new URL(baseURL!).origin, `csrf-own-${suffix}`);
  expect(own.status()).toBe(200);
  expect(await slugs()).toContain(`csrf-own-${suffix}`);
});
