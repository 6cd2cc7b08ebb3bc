import type { Tx } from '@/lib/db';
import { issueCreditNote } from './issue-credit-note';

/**
 * Issues the credit notes of succeeded refunds that have none — refunds made before credit notes
 * existed, the seed's history — dated when each refund settled (else when it was made), oldest
 * first, so each month's numbers follow its refunds. Under the refunds' row locks, inside the
 * caller's transaction; a second run finds nothing to do. Returns how many it issued.
 */
export async function issueMissingCreditNotes(tx: Tx): Promise<number> {
  const missing = await tx.$queryRaw<{ id: string; issued_at: Date }[]>`
    SELECT r.id, coalesce(r.settled_at, r.created_at) AS issued_at FROM refunds r
    WHERE r.status = 'succeeded' AND NOT EXISTS (SELECT 1 FROM credit_notes c WHERE c.refund_id = r.id)
    ORDER BY coalesce(r.settled_at, r.created_at), r.id
    FOR UPDATE OF r`;
  let issued = 0;
  for (const refund of missing) {
    if (await issueCreditNote(tx, refund.id, refund.issued_at)) issued++;
  }
  return issued;
}
