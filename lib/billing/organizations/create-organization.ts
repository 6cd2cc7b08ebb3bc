import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { organizationToDto } from './organization-dto';
import type { TCreateOrganizationInput, TOrganization } from './schemas';

export function slugTaken(slug: string) {
  return conflict('slug_taken', `Another organization already has the slug "${slug}".`, undefined, [{ path: 'slug', message: 'Already taken.' }]);
}

/** POST /organizations (SPEC §10): a tenant; its slug is unique (409 slug_taken). */
export async function createOrganization(input: TCreateOrganizationInput, actor: TActor, requestId?: string): Promise<TOrganization> {
  try {
    return await db().$transaction(async (tx) => {
      const at = now();
      const row = await tx.organization.create({
        data: { name: input.name, slug: input.slug, billingEmail: input.billing_email, country: input.country, taxId: input.tax_id ?? null, createdAt: at, updatedAt: at },
      });
      const organization = organizationToDto(row);
      await recordAudit(tx, actor, { action: 'organization.created', entityType: 'organization', entityId: row.id, requestId, after: organization });
      return organization;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'slug')) throw slugTaken(input.slug);
    throw error;
  }
}
