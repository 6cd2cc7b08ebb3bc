import { adminRoute } from '@/lib/http/admin-route';
import { BillingError } from '@/lib/errors';

// Unknown paths under the API answer like the API (problem+json), after the same guard.
const unknownRoute = adminRoute<{ path: string[] }>(async ({ request }) => {
  throw new BillingError(404, 'route_not_found', `No ${request.method} ${new URL(request.url).pathname} in this API. See /api/v1/admin/billing/openapi.json.`);
});

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PUT, unknownRoute as PATCH, unknownRoute as DELETE };
