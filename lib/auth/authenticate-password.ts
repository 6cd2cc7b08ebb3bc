import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { admitSignInAttempt } from './login-throttle/admit-sign-in-attempt';
import { recordSignInSuccess } from './login-throttle/record-sign-in-success';
import { hashPassword, verifyPassword } from './passwords';
import { tooManyAttemptsError } from './sign-in-errors';

// A hash to verify against when the email is unknown, so that response time does not reveal
// which emails have accounts.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword(randomUUID()));

/**
 * The user an email and password belong to, or null; throws `TooManyAttempts` while the account
 * or the client IP is locked out (docs/SECURITY.md), also on the failure that starts a lockout.
 * A locked-out attempt checks no password, so it costs no argon2 time either.
 */
export async function authenticatePassword(credentials: { email: string; password: string }, ip: string) {
  const admission = await admitSignInAttempt(credentials.email, ip);
  if (!admission.admitted) throw tooManyAttemptsError(admission.retryAfterSeconds);
  const user = await db().user.findUnique({ where: { email: credentials.email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await unknownUserHash()), credentials.password);
  if (!user || !ok) {
    if (admission.ticket.lockSecondsIfFailed > 0) throw tooManyAttemptsError(admission.ticket.lockSecondsIfFailed);
    return null;
  }
  await recordSignInSuccess(admission.ticket);
  return user;
}
