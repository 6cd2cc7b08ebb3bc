import { createPlan } from '@/lib/billing/plans/create-plan';
import { listPlans } from '@/lib/billing/plans/list-plans';
import { listPlansJsonSql } from '@/lib/billing/plans/list-plans-json';
import { ZCreatePlanInput, ZPlan } from '@/lib/billing/plans/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { jsonListRead, respondJsonTextList } from '@/lib/http/respond-list';
import { tableVersionSql } from '@/lib/db/row-versions';

// JSON, or CSV for `Accept: text/csv` / `?format=csv`. The JSON has an ETag: If-None-Match → 304 (lib/http/conditional-get.ts).
// The JSON is written by PostgreSQL and, with an API key, read by the admission statement: one round trip.
export const GET = adminRoute(
  async ({ request, prefetched }) => respondJsonTextList(request, { name: 'plans', schema: ZPlan }, { json: listPlansJsonSql, rows: listPlans }, prefetched),
  { versionSql: jsonListRead(() => tableVersionSql('plans')), prefetch: jsonListRead(listPlansJsonSql) },
);

export const POST = adminRoute(async ({ body, actor, requestId }) =>
  json(await createPlan(body(ZCreatePlanInput), actor, requestId), 201),
);

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
