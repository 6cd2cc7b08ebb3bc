import { getOverview } from '@/lib/billing/analytics/get-overview';
import { ZAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

/** Dashboard tiles for [from, to) and the period before it (docs/METRICS.md). */
export const GET = adminRoute(async ({ request }) => json(await getOverview(parseQuery(request, ZAnalyticsQuery))));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
