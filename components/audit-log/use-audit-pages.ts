'use client';

import { useKeysetPages, type TInitialKeysetPage } from '@/components/ui/use-keyset-pages';
import type { TAuditPage } from '@/lib/audit/schemas';
import { auditFiltersSearch, type TAuditFilters } from './audit-filters';
import { AUDIT_PAGE_SIZE } from './audit-requests';

/** What the server component rendered: the first page for the filters in the URL it was given, and when. */
export type TInitialAuditPage = TInitialKeysetPage<TAuditPage> & { renderedAt: number };

/**
 * The audit entries for `filters` (GET /audit-log), page by page along next_cursor. Coming back
 * to the page after making a change refetches what was cached before the server rendered.
 */
export function useAuditPages(filters: TAuditFilters, initial: TInitialAuditPage) {
  return useKeysetPages({ queryKey: ['audit-log'], path: '/api/v1/admin/billing/audit-log', search: auditFiltersSearch(filters), pageSize: AUDIT_PAGE_SIZE, initial });
}
