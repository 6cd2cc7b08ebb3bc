import { db } from '@/lib/db';

export interface TInvoiceOrganization {
  id: string;
  name: string;
}

// Operators read "acme" next to "Acme": sort the way people do, not by the database's byte order.
const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The organizations the invoice browser can filter by: those with at least one invoice (an option
 * that can only ever show an empty table is noise), by name; ties keep the id order.
 */
export async function listInvoiceOrganizations(): Promise<TInvoiceOrganization[]> {
  const organizations = await db().organization.findMany({
    where: { invoices: { some: {} } },
    select: { id: true, name: true },
    orderBy: { id: 'asc' },
  });
  return organizations.sort((a, b) => byName.compare(a.name, b.name));
}
