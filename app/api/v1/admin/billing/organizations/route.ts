import { createOrganization } from '@/lib/billing/organizations/create-organization';
import { searchOrganizations } from '@/lib/billing/organizations/search-organizations';
import { ZCreateOrganizationInput, ZOrganizationSearchQuery } from '@/lib/billing/organizations/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

// The Customers page and the console's organization picker ask here as the operator types.
export const GET = adminRoute(async ({ request }) => json(await searchOrganizations(parseQuery(request, ZOrganizationSearchQuery))));

export const POST = adminRoute(async ({ body, actor, requestId }) => json(await createOrganization(body(ZCreateOrganizationInput), actor, requestId), 201));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
