import { db } from '@/lib/db';
import type { TSignInTicket } from './admit-sign-in-attempt';

/**
 * A correct password clears the account's failures and refunds its attempt to the IP — only that
 * one: the IP's other failures stand, or an attacker with one account could reset the IP between
 * guesses at others. The IP's last failure goes back to what it was, unless another attempt has
 * moved it since, so a success cannot restart an IP lockout either.
 */
export async function recordSignInSuccess(ticket: TSignInTicket): Promise<void> {
  const restored = ticket.ipBefore?.lastFailureAt ?? ticket.at;
  await db().$transaction([
    db().$executeRaw`DELETE FROM login_throttles WHERE key = ${ticket.accountKey}`,
    db().$executeRaw`
      UPDATE login_throttles SET failures = GREATEST(failures - 1, 0),
        last_failure_at = CASE WHEN last_failure_at = ${ticket.at} THEN ${restored} ELSE last_failure_at END
      WHERE key = ${ticket.ipKey}`,
  ]);
}
