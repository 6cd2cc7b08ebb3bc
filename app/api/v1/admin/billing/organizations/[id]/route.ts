import { getOrganizationOrThrow } from '@/lib/billing/organizations/get-organization-or-throw';
import { ZUpdateOrganizationInput } from '@/lib/billing/organizations/schemas';
import { updateOrganization } from '@/lib/billing/organizations/update-organization';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';

type Params = { id: string };

export const GET = adminRoute<Params>(async ({ params }) => json(await getOrganizationOrThrow(params.id)));

// An unknown id is 404 before the body is judged.
export const PATCH = adminRoute<Params>(async ({ params, body, actor, requestId }) => {
  const id = parseId(params.id, 'organization');
  return json(await updateOrganization(id, body(ZUpdateOrganizationInput), actor, requestId));
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
