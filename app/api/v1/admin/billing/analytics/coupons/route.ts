import { getCouponBreakdown } from '@/lib/billing/analytics/get-coupon-breakdown';
import { ZAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

/** Redemptions and discounts per coupon (docs/METRICS.md). */
export const GET = adminRoute(async ({ request }) => json(await getCouponBreakdown(parseQuery(request, ZAnalyticsQuery))));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
