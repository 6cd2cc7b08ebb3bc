import { getPlanOrThrow } from '@/lib/billing/plans/get-plan-or-throw';
import { ZUpdatePlanInput } from '@/lib/billing/plans/schemas';
import { updatePlan } from '@/lib/billing/plans/update-plan';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';
import { rowVersionSql } from '@/lib/db/row-versions';

type Params = { id: string };

export const GET = adminRoute<Params>(async ({ params }) => json(await getPlanOrThrow(params.id)), { versionSql: ({ params }) => rowVersionSql('plans', params.id) });

// SPEC §3: PUT is accepted as an alias of PATCH (a partial update). An unknown id is 404 before the body is judged.
export const PATCH = adminRoute<Params>(async ({ params, body, actor, requestId }) => {
  const id = parseId(params.id, 'plan');
  return json(await updatePlan(id, body(ZUpdatePlanInput), actor, requestId));
});
export const PUT = PATCH;

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
