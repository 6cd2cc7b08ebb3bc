import { expect, test } from './fixtures';

// An email no account has: unknown emails are throttled exactly like known ones, and locking it
// leaves the seeded users, which the other specs sign in as, alone. Its five failures count
// towards the per-IP limit too (20 in 15 minutes for all specs together, from 127.0.0.1).
const NOBODY = 'nobody-e2e-lockout@example.com';

test('five wrong passwords lock the account, and the form says how long to wait', async ({ page }) => {
  await page.goto('/login');
  const attempt = async () => {
    await page.getByLabel('Email').fill(NOBODY);
    await page.getByLabel('Password').fill('guess-number-n');
    // One answer per attempt before the next: the message alone repeats, so it cannot tell them apart.
    const answered = page.waitForResponse((response) => response.url().includes('/api/auth/callback/credentials'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await answered;
  };
  // Next's route announcer is an empty role=alert too: match ours by its text.
  const message = page.getByRole('alert').filter({ hasText: /\S/ });
  for (let i = 0; i < 4; i++) {
    await attempt();
    await expect(message).toHaveText('Email or password is incorrect.');
  }
  await attempt();
  await expect(message).toHaveText('Too many sign-in attempts. Try again in 1 minute.');
  await attempt();
  await expect(message).toHaveText('Too many sign-in attempts. Try again in 1 minute.');
  await expect(page).toHaveURL(/\/login/);
});
