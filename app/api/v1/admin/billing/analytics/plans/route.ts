import { getPlanBreakdown } from '@/lib/billing/analytics/get-plan-breakdown';
import { ZAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

/** Active subscriptions, MRR and revenue per plan (docs/METRICS.md). */
export const GET = adminRoute(async ({ request }) => json(await getPlanBreakdown(parseQuery(request, ZAnalyticsQuery))));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
