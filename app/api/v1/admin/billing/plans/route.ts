import { createPlan } from '@/lib/billing/plans/create-plan';
import { listPlans } from '@/lib/billing/plans/list-plans';
import { ZCreatePlanInput, ZPlan } from '@/lib/billing/plans/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { jsonListVersion, respondList } from '@/lib/http/respond-list';
import { tableVersion } from '@/lib/db/row-versions';

// JSON, or CSV for `Accept: text/csv` / `?format=csv`. The JSON has an ETag: If-None-Match → 304 (lib/http/conditional-get.ts).
export const GET = adminRoute(async ({ request }) => respondList(request, { name: 'plans', schema: ZPlan }, await listPlans()), {
  version: jsonListVersion(() => tableVersion('plans')) });

export const POST = adminRoute(async ({ body, actor, requestId }) =>
  json(await createPlan(body(ZCreatePlanInput), actor, requestId), 201),
);

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
