import type { Organization } from '@/lib/generated/prisma/client';
import type { TOrganization } from './schemas';

/** The API never shows the derived current_* columns: it answers with the subscription itself. */
export function organizationToDto(row: Omit<Organization, 'currentSubscriptionId' | 'currentPlanId' | 'currentStatus' | 'currentCouponId'>): TOrganization {
  return {
    id: row.id, name: row.name, slug: row.slug, billing_email: row.billingEmail, country: row.country, tax_id: row.taxId,
    created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString(),
  };
}
