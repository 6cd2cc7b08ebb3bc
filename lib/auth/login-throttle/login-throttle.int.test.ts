import { randomUUID } from 'node:crypto';
import type { CredentialsConfig } from 'next-auth/providers/credentials';
import { describe, expect, it } from 'vitest';
import { authOptions } from '@/lib/auth/options';
import { hashPassword } from '@/lib/auth/passwords';
import { SIGN_IN_ERROR } from '@/lib/auth/sign-in-errors';
import { db } from '@/lib/db';
import { accountThrottleKey } from './admit-sign-in-attempt';

const PASSWORD = 'correct horse battery staple';
const passwordHash = hashPassword(PASSWORD);

// next-auth keeps the options given to CredentialsProvider beside its defaults and merges them per request.
const { authorize } = (authOptions.providers[0] as unknown as { options: CredentialsConfig }).options;

/** authorize as next-auth calls it, from `ip` (what Next.js writes into X-Forwarded-For for a direct client). */
async function signIn(email: string, password: string, ip: string): Promise<'ok' | 'wrong' | string> {
  const req = { headers: { 'x-forwarded-for': ip }, body: {}, query: {}, method: 'POST' };
  try {
    return (await authorize({ email, password }, req)) ? 'ok' : 'wrong';
  } catch (error) {
    return (error as Error).message;
  }
}

let ipCounter = 0;
/** A fresh client address per test, so no test shares the per-IP budget of another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function createUser(): Promise<string> {
  const email = `throttle-${randomUUID().slice(0, 8)}@test.example`;
  await db().user.create({ data: { email, name: 'Throttled', role: 'super_admin', passwordHash: await passwordHash } });
  return email;
}

/** Moves a throttle row's clock back, as if its failures happened `seconds` earlier. */
async function age(key: string, seconds: number) {
  await db().$executeRaw`
    UPDATE login_throttles SET window_start = window_start - make_interval(secs => ${seconds}::int),
      last_failure_at = last_failure_at - make_interval(secs => ${seconds}::int)
    WHERE key = ${key}`;
}

const LOCKED_1_MIN = `${SIGN_IN_ERROR.tooManyAttempts}:60`;
const isLockout = (result: string) => result.startsWith(`${SIGN_IN_ERROR.tooManyAttempts}:`);

describe('sign-in throttling through next-auth authorize', () => {
  it('locks an account after 5 failures: the fifth says so, and then even the right password is refused', async () => {
    const email = await createUser();
    const ip = freshIp();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await signIn(email, 'wrong password', ip));
    expect(results).toEqual(['wrong', 'wrong', 'wrong', 'wrong', LOCKED_1_MIN]);
    expect(await signIn(email, PASSWORD, ip)).toMatch(/^TooManyAttempts:(5\d|60)$/);
    // From another address too: the lock is the account's.
    expect(isLockout(await signIn(email, PASSWORD, freshIp()))).toBe(true);
  });

  it('an unknown email is limited exactly like a known one, so a lockout reveals nothing', async () => {
    const known = await createUser();
    const unknown = `nobody-${randomUUID().slice(0, 8)}@test.example`;
    const sequence = async (email: string) => {
      const ip = freshIp();
      const results = [];
      for (let i = 0; i < 6; i++) results.push(await signIn(email, 'wrong password', ip));
      return results.map((result) => (isLockout(result) ? 'locked' : result));
    };
    expect(await sequence(unknown)).toEqual(await sequence(known));
    expect(await sequence(`another-${unknown}`)).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'locked', 'locked']);
  });

  it('a success resets the account: four failures, a success, four failures more lock nothing', async () => {
    const email = await createUser();
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect(await signIn(email, 'wrong password', ip)).toBe('wrong');
    expect(await signIn(email, PASSWORD, ip)).toBe('ok');
    for (let i = 0; i < 4; i++) expect(await signIn(email, 'wrong password', ip)).toBe('wrong');
    expect(await signIn(email, PASSWORD, ip)).toBe('ok');
  });

  it('a lockout expires: a minute later the right password works, and the next lock would be two minutes', async () => {
    const email = await createUser();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await signIn(email, 'wrong password', ip);
    expect(isLockout(await signIn(email, PASSWORD, ip))).toBe(true);
    await age(accountThrottleKey(email), 61);
    expect(await signIn(email, 'wrong password', ip)).toBe(`${SIGN_IN_ERROR.tooManyAttempts}:120`);
    await age(accountThrottleKey(email), 121);
    expect(await signIn(email, PASSWORD, ip)).toBe('ok');
    expect(await db().$queryRaw<unknown[]>`SELECT 1 FROM login_throttles WHERE key = ${accountThrottleKey(email)}`).toEqual([]);
  });

  it('locks an IP after 20 failures across any emails; other addresses are unaffected', async () => {
    const email = await createUser();
    const ip = freshIp();
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await signIn(`spray-${i}-${randomUUID().slice(0, 6)}@test.example`, 'Winter2026!', ip));
    expect(results.slice(0, 19).every((result) => result === 'wrong')).toBe(true);
    expect(results[19]).toBe(LOCKED_1_MIN);
    expect(isLockout(await signIn(email, PASSWORD, ip))).toBe(true);
    expect(await signIn(email, PASSWORD, freshIp())).toBe('ok');
  });

  it("a success refunds only its own attempt to the IP's count", async () => {
    const email = await createUser();
    const ip = freshIp();
    for (let i = 0; i < 18; i++) await signIn(`spray-${i}-${randomUUID().slice(0, 6)}@test.example`, 'wrong', ip);
    expect(await signIn(email, PASSWORD, ip)).toBe('ok');
    const [row] = await db().$queryRaw<{ failures: number }[]>`SELECT failures FROM login_throttles WHERE key = ${`ip:${ip}`}`;
    expect(row?.failures).toBe(18);
    expect(await signIn(email, 'wrong', ip)).toBe('wrong');
    expect(await signIn(email, 'wrong', ip)).toBe(LOCKED_1_MIN);
  });

  it('of 30 parallel guesses at one account, exactly 5 get a password check', async () => {
    const email = await createUser();
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 30 }, () => signIn(email, 'wrong password', ip)));
    expect(results.filter((result) => result === 'wrong')).toHaveLength(4);
    expect(results.filter(isLockout)).toHaveLength(26);
    const [row] = await db().$queryRaw<{ failures: number }[]>`SELECT failures FROM login_throttles WHERE key = ${accountThrottleKey(email)}`;
    expect(row?.failures).toBe(5);
  });

  it('stores no email in clear, and refused attempts leave no rows behind', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) await signIn(`filler-${i}@test.example`, 'wrong', ip);
    const before = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM login_throttles`;
    for (let i = 0; i < 10; i++) expect(isLockout(await signIn(`flood-${i}@test.example`, 'wrong', ip))).toBe(true);
    expect(await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM login_throttles`).toEqual(before);
    expect(await db().$queryRaw<unknown[]>`SELECT key FROM login_throttles WHERE key LIKE '%@%'`).toEqual([]);
  });

  it('a malformed request is refused before any counting', async () => {
    const ip = freshIp();
    expect(await signIn('not-an-email', 'x', ip)).toBe('wrong');
    expect(await db().$queryRaw<unknown[]>`SELECT 1 FROM login_throttles WHERE key = ${`ip:${ip}`}`).toEqual([]);
  });
});
