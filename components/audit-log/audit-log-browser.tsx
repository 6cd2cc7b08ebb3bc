'use client';

import { KeysetList } from '@/components/ui/keyset-list';
import { useUrlFilters } from '@/components/ui/use-url-filters';
import { AuditFilterBar } from './audit-filter-bar';
import { auditUrlFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { useAuditPages, type TInitialAuditPage } from './use-audit-pages';

/** The audit log: filters in the URL (react-query reads GET /audit-log for them), Load more. */
export function AuditLogBrowser({ initial }: { initial: TInitialAuditPage }) {
  const { filters, filtered, write, clear, resetKey } = useUrlFilters(auditUrlFilters);
  const query = useAuditPages(filters, initial);

  return (
    <>
      <AuditFilterBar filters={filters} onChange={write} onClear={clear} resetKey={resetKey} />
      <KeysetList
        query={query}
        noun={{ one: 'entry', many: 'entries' }}
        failed="The audit log could not be loaded"
        loadingLabel="Loading audit entries…"
        filtered={filtered}
        onClear={clear}
        empty={{
          filtered: { title: 'No audit entries match these filters', description: 'Try another actor, entity type, action or date range.' },
          unfiltered: { title: 'No changes recorded yet', description: 'Every change to plans, coupons, add-ons, invoices and API keys appears here.' },
        }}
        table={(entries, state) => <AuditTable entries={entries} {...state} />}
      />
    </>
  );
}
