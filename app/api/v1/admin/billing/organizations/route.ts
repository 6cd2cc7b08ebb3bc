import { searchOrganizations } from '@/lib/billing/organizations/search-organizations';
import { ZOrganizationSearchQuery } from '@/lib/billing/organizations/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

// The console's organization picker asks here as the operator types (components/organizations).
export const GET = adminRoute(async ({ request }) => json(await searchOrganizations(parseQuery(request, ZOrganizationSearchQuery))));
