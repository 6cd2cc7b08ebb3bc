import { expect, type Page } from '@playwright/test';
import { SEED_USERS } from '../prisma/seed-users';

export function seedUser(role: 'super_admin' | 'admin' | 'support') {
  const user = SEED_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no seeded ${role}`);
  return user;
}

/** Signs in through the real /login form. */
export async function signIn(page: Page, role: 'super_admin' | 'admin' | 'support' = 'super_admin') {
  const user = seedUser(role);
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (role === 'super_admin') await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}
