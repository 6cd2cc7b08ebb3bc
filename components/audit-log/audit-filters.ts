import { urlFilters } from '@/components/ui/url-filters';

/** The audit log's filters as they live in the URL: the same names GET /audit-log takes. */
export const AUDIT_FILTER_KEYS = ['actor', 'entity_type', 'entity_id', 'action', 'from', 'to'] as const;
export type TAuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type TAuditFilters = Partial<Record<TAuditFilterKey, string>>;

export const auditUrlFilters = urlFilters(AUDIT_FILTER_KEYS);
export const { read: readAuditFilters, search: auditFiltersSearch, has: hasAuditFilters } = auditUrlFilters;
