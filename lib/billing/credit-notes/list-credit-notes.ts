import { db } from '@/lib/db';
import { creditNoteToDto } from './credit-note-dto';
import type { TCreditNote } from './schemas';

/** A customer's credit notes, newest first (the customer page), at most `limit`. */
export async function listOrganizationCreditNotes(organizationId: string, limit = 20): Promise<TCreditNote[]> {
  const notes = await db().creditNote.findMany({
    where: { invoice: { organizationId } },
    orderBy: [{ issuedAt: 'desc' }, { number: 'desc' }],
    take: limit,
    include: { invoice: { select: { number: true } } },
  });
  return notes.map(creditNoteToDto);
}
