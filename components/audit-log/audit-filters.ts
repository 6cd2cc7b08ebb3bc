/** The audit log's filters as they live in the URL: the same names GET /audit-log takes. */
export const AUDIT_FILTER_KEYS = ['actor', 'entity_type', 'entity_id', 'action', 'from', 'to'] as const;
export type TAuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type TAuditFilters = Partial<Record<TAuditFilterKey, string>>;

type ParamReader = { get(name: string): string | null };

/** The filters present in a query string; empty values are no filter. */
export function readAuditFilters(params: ParamReader): TAuditFilters {
  const filters: TAuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** A canonical query string (fixed key order), so equal filters make equal cache keys and URLs. */
export function auditFiltersSearch(filters: TAuditFilters): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function hasAuditFilters(filters: TAuditFilters): boolean {
  return AUDIT_FILTER_KEYS.some((key) => Boolean(filters[key]));
}
