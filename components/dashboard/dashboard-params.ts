/**
 * The dashboard's state as it lives in the URL: the same names the analytics endpoints take
 * (docs/METRICS.md), so the page's query string is also a valid API query string.
 */
export const DASHBOARD_PARAM_KEYS = ['from', 'to', 'currency', 'interval'] as const;
export type TDashboardParams = Partial<Record<(typeof DASHBOARD_PARAM_KEYS)[number], string>>;

type ParamReader = { get(name: string): string | null };

/** The dashboard's parameters in a query string; empty values are absent, anything else is ignored. */
export function readDashboardParams(params: ParamReader): TDashboardParams {
  const state: TDashboardParams = {};
  for (const key of DASHBOARD_PARAM_KEYS) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

/** `/?from=…&to=…` in a fixed key order, so equal states make equal URLs (and Suspense keys). */
export function dashboardHref(state: TDashboardParams): string {
  const params = new URLSearchParams();
  for (const key of DASHBOARD_PARAM_KEYS) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `/?${search}` : '/';
}
