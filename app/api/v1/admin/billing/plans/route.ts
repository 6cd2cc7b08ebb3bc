import { createPlan } from '@/lib/billing/plans/create-plan';
import { listPlans } from '@/lib/billing/plans/list-plans';
import { ZCreatePlanInput, ZPlan } from '@/lib/billing/plans/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { respondList } from '@/lib/http/respond-list';

// JSON, or CSV for `Accept: text/csv` / `?format=csv`.
export const GET = adminRoute(async ({ request }) => respondList(request, { name: 'plans', schema: ZPlan }, await listPlans()));

export const POST = adminRoute(async ({ body, actor, requestId }) =>
  json(await createPlan(body(ZCreatePlanInput), actor, requestId), 201),
);
