'use server';

import { createOrganization } from '@/lib/billing/organizations/create-organization';
import { ZCreateOrganizationInput } from '@/lib/billing/organizations/schemas';
import { runAdminAction } from '@/lib/http/admin-action';

// The Customers page's "New customer": the schema and operation of POST /organizations.

export async function createOrganizationAction(input: unknown) {
  return runAdminAction(ZCreateOrganizationInput, input, (data, actor) => createOrganization(data, actor));
}
