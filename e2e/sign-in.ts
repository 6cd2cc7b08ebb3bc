import { expect, type BrowserContext, type Page } from '@playwright/test';
import { SEED_USERS } from '../prisma/seed-users';

export function seedUser(role: 'super_admin' | 'admin' | 'support') {
  const user = SEED_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no seeded ${role}`);
  return user;
}

type TCookies = Parameters<BrowserContext['addCookies']>[0];

/** The super-admin's session cookies from this worker's first sign-in through the form. */
let superAdminSession: TCookies | null = null;

/**
 * Signs in and lands on the Dashboard (super_admin) or where the role is sent. The first
 * super-admin sign-in of a worker goes through the real /login form; later ones reuse its session
 * cookies (a JWT, as a browser keeps it), which saves a form round trip per test. `viaForm`
 * forces the form, for journeys that are about signing in. `land: false`, for a test whose next
 * step is its own `page.goto`: a reused session is only put in the browser, without loading the
 * Dashboard first (its charts are the console's costliest page, ~2 s of CPU here).
 */
export async function signIn(page: Page, role: 'super_admin' | 'admin' | 'support' = 'super_admin', options: { viaForm?: boolean; land?: boolean } = {}) {
  if (role === 'super_admin' && superAdminSession && !options.viaForm) {
    await page.context().addCookies(superAdminSession);
    if (options.land === false) return;
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    return;
  }
  const user = seedUser(role);
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (role !== 'super_admin') return;
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  superAdminSession = (await page.context().cookies()).filter((cookie) => cookie.name.includes('next-auth'));
}
