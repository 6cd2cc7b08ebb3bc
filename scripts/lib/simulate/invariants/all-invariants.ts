import { analyticsInvariants } from './analytics-invariants';
import { auditInvariants } from './audit-invariants';
import { couponInvariants } from './coupon-invariants';
import { creditNoteInvariants } from './credit-note-invariants';
import type { TInvariant, TInvariantContext } from './invariant';
import { invoiceInvariants } from './invoice-invariants';
import { moneyInvariants } from './money-invariants';
import { periodInvariants } from './period-invariants';
import { forEachBounded } from '../pool';

/** Every rule the simulation checks, at each month's end and at the end (docs in issue #19, item 3). */
export const INVARIANTS: TInvariant[] = [...moneyInvariants, ...invoiceInvariants, ...periodInvariants, ...couponInvariants, ...creditNoteInvariants, ...auditInvariants, ...analyticsInvariants];

/** Runs every invariant (read-only SQL, and the API's analytics read) and answers every breach, each naming its ids. */
export async function checkInvariants(context: TInvariantContext, invariants: readonly TInvariant[] = INVARIANTS): Promise<string[]> {
  // Two at a time: each is a few statements PostgreSQL works through alone (the business is still
  // while they run), so two use both cores. Failures are listed in the invariants' order.
  const found: string[][] = invariants.map(() => []);
  await forEachBounded(invariants, 2, async (invariant, index) => {
    found[index] = await invariant.check(context);
  });
  return found.flat();
}
