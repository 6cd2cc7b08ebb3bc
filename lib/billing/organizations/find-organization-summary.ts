import { db } from '@/lib/db';
import { isUuid } from '@/lib/http/parse';
import type { TOrganizationSummary } from './schemas';

/**
 * One organization as GET /organizations lists it, or null: what the invoices page needs to name
 * the organization in its URL without loading any other (a stale or hand-typed id is no error there).
 */
export async function findOrganizationSummary(id: string): Promise<TOrganizationSummary | null> {
  if (!isUuid(id)) return null;
  const organization = await db().organization.findUnique({
    where: { id: id.toLowerCase() },
    select: { id: true, name: true, slug: true, billingEmail: true, country: true },
  });
  if (!organization) return null;
  return { id: organization.id, name: organization.name, slug: organization.slug, billing_email: organization.billingEmail, country: organization.country };
}
