import { ZAnalyticsQuery, type TAnalyticsQuery } from '@/lib/billing/analytics/schemas';
import { BillingError, type FieldError } from '@/lib/errors';
import { parseWith } from '@/lib/http/parse';
import type { TDashboardParams } from './dashboard-params';
import { defaultInterval } from './dashboard-range';

export type TDashboardQueryResult = { ok: true; query: TAnalyticsQuery } | { ok: false; message: string; errors: FieldError[] };

/**
 * The URL's parameters through the analytics API's own schema and pre-checks (parseWith), so the
 * page refuses exactly what GET /analytics/… refuses, with the same messages. The one difference:
 * without an `interval`, the chart's follows the range's length rather than the API's `day`.
 */
export function parseDashboardQuery(params: TDashboardParams): TDashboardQueryResult {
  try {
    const query = parseWith(ZAnalyticsQuery, params);
    return { ok: true, query: params.interval ? query : { ...query, interval: defaultInterval(query) } };
  } catch (error) {
    if (error instanceof BillingError) return { ok: false, message: error.message, errors: error.options.errors ?? [] };
    throw error;
  }
}
