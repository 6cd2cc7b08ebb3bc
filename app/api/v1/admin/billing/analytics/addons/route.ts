import { getAddonAttach } from '@/lib/billing/analytics/get-addon-attach';
import { ZAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

/** Attached subscriptions and attach rate per add-on (docs/METRICS.md). */
export const GET = adminRoute(async ({ request }) => json(await getAddonAttach(parseQuery(request, ZAnalyticsQuery))));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
