import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { slugTaken } from './create-organization';
import { organizationToDto } from './organization-dto';
import type { TOrganization, TUpdateOrganizationInput } from './schemas';

/** PATCH /organizations/{id}: any of name, slug, billing_email, country, tax_id (null clears it). */
export async function updateOrganization(rawId: string, input: TUpdateOrganizationInput, actor: TActor, requestId?: string): Promise<TOrganization> {
  const id = parseId(rawId, 'organization');
  try {
    return await db().$transaction(async (tx) => {
      const current = await tx.organization.findUnique({ where: { id } });
      if (!current) throw notFound('organization');
      const row = await tx.organization.update({
        where: { id },
        data: {
          name: input.name, slug: input.slug, billingEmail: input.billing_email, country: input.country,
          ...(input.tax_id !== undefined ? { taxId: input.tax_id } : {}), updatedAt: now(),
        },
      });
      const organization = organizationToDto(row);
      await recordAudit(tx, actor, { action: 'organization.updated', entityType: 'organization', entityId: id, requestId, before: organizationToDto(current), after: organization });
      return organization;
    });
  } catch (error) {
    if (input.slug && isUniqueViolation(error, 'slug')) throw slugTaken(input.slug);
    throw error;
  }
}
