import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { ACCOUNT_POLICY, admitAttempt, IP_POLICY, lockedUntil, type TThrottlePolicy, type TThrottleState } from './throttle-policy';

interface TSubject {
  key: string;
  policy: TThrottlePolicy;
}

/** An admitted attempt: what to undo if it succeeds, and how long it locks if it fails. */
export interface TSignInTicket {
  accountKey: string;
  ipKey: string;
  /** The IP's state before this attempt, restored (minus the attempt) by a success. */
  ipBefore: TThrottleState | null;
  at: Date;
  /** Seconds the account or IP stays locked if this attempt fails (0: none). */
  lockSecondsIfFailed: number;
}

export type TSignInAdmission = { admitted: true; ticket: TSignInTicket } | { admitted: false; retryAfterSeconds: number };

/**
 * The account key is the email's SHA-256, whether or not a user has it: unknown emails are
 * throttled exactly like known ones (so a lockout reveals nothing), and no typed-in address —
 * or password typed into the email field — is stored in clear.
 */
export function accountThrottleKey(email: string): string {
  return `account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

type TRow = { key: string; failures: number; window_start: Date; last_failure_at: Date };

/**
 * Admits a sign-in attempt for (email, ip) or refuses it while either is locked. Both rows are
 * read FOR UPDATE in key order inside one transaction, so parallel attempts queue and are
 * counted one by one, and two keys never deadlock.
 */
export async function admitSignInAttempt(email: string, ip: string, now = new Date()): Promise<TSignInAdmission> {
  const subjects: TSubject[] = [
    { key: accountThrottleKey(email), policy: ACCOUNT_POLICY },
    { key: `ip:${ip}`, policy: IP_POLICY },
  ];
  const keys = subjects.map((subject) => subject.key).sort();
  return db().$transaction(async (tx) => {
    // A row to lock even on a first attempt; removed again below if the attempt is refused.
    await tx.$executeRaw`
      INSERT INTO login_throttles (key, failures, window_start, last_failure_at)
      SELECT key, 0, ${now}, ${now} FROM unnest(${keys}::text[]) AS key ORDER BY key
      ON CONFLICT (key) DO NOTHING`;
    const rows = await tx.$queryRaw<TRow[]>`
      SELECT key, failures, window_start, last_failure_at FROM login_throttles
      WHERE key = ANY(${keys}::text[]) ORDER BY key FOR UPDATE`;
    const before = new Map(rows.map((row) => [row.key, { failures: row.failures, windowStart: row.window_start, lastFailureAt: row.last_failure_at }]));
    const decisions = subjects.map((subject) => ({ subject, decision: admitAttempt(before.get(subject.key) ?? null, subject.policy, now) }));

    const refused = decisions.flatMap(({ decision }) => (decision.admitted ? [] : [decision.retryAfterMs]));
    if (refused.length > 0) {
      // Refused attempts write nothing, so a flood of them (cheap: no password hash) cannot fill the table.
      await tx.$executeRaw`DELETE FROM login_throttles WHERE key = ANY(${keys}::text[]) AND failures = 0`;
      return { admitted: false, retryAfterSeconds: Math.ceil(Math.max(...refused) / 1000) };
    }

    let lockMs = 0;
    for (const { subject, decision } of decisions) {
      if (!decision.admitted) continue;
      const { failures, windowStart, lastFailureAt } = decision.next;
      await tx.$executeRaw`
        UPDATE login_throttles SET failures = ${failures}, window_start = ${windowStart}, last_failure_at = ${lastFailureAt}
        WHERE key = ${subject.key}`;
      const until = lockedUntil(decision.next, subject.policy);
      if (until) lockMs = Math.max(lockMs, until.getTime() - now.getTime());
    }
    // States quiet for longer than any policy remembers are dead weight: each is deleted once.
    const forgetBefore = new Date(now.getTime() - Math.max(ACCOUNT_POLICY.forgetAfterMs, IP_POLICY.forgetAfterMs));
    await tx.$executeRaw`DELETE FROM login_throttles WHERE last_failure_at < ${forgetBefore}`;

    const [account, ipSubject] = subjects;
    const ticket: TSignInTicket = {
      accountKey: account!.key,
      ipKey: ipSubject!.key,
      ipBefore: before.get(ipSubject!.key) ?? null,
      at: now,
      lockSecondsIfFailed: Math.ceil(lockMs / 1000),
    };
    return { admitted: true, ticket };
  });
}
