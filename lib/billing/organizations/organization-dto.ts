import type { Organization } from '@/lib/generated/prisma/client';
import type { TOrganization } from './schemas';

export function organizationToDto(row: Organization): TOrganization {
  return {
    id: row.id, name: row.name, slug: row.slug, billing_email: row.billingEmail, country: row.country, tax_id: row.taxId,
    created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString(),
  };
}
