import { createPlan } from '@/lib/billing/plans/create-plan';
import { listPlans } from '@/lib/billing/plans/list-plans';
import { ZCreatePlanInput } from '@/lib/billing/plans/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';

export const GET = adminRoute(async () => json(await listPlans()));

export const POST = adminRoute(async ({ body, actor, requestId }) =>
  json(await createPlan(body(ZCreatePlanInput), actor, requestId), 201),
);
