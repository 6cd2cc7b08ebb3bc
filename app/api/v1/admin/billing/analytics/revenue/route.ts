import { getRevenueSeries } from '@/lib/billing/analytics/get-revenue-series';
import { ZAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

/** Gross revenue, refunds, net and discounts per day, week or month (docs/METRICS.md). */
export const GET = adminRoute(async ({ request }) => json(await getRevenueSeries(parseQuery(request, ZAnalyticsQuery))));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
