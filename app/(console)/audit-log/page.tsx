import type { Metadata } from 'next';
import { AuditLogBrowser } from '@/components/audit-log/audit-log-browser';
import { auditFiltersSearch, readAuditFilters, type TAuditFilters } from '@/components/audit-log/audit-filters';
import { AUDIT_PAGE_SIZE } from '@/components/audit-log/audit-requests';
import { recordParams } from '@/components/ui/url-filters';
import { PageHeader } from '@/components/ui/page-header';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { listAuditEntries } from '@/lib/audit/list-audit-entries';
import { ZAuditListQuery } from '@/lib/audit/schemas';

export const metadata: Metadata = { title: 'Audit log' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: PageProps) {
  await requireSuperAdminPage();
  const filters = readAuditFilters(recordParams(await searchParams));
  // The first page comes from the same operation as GET /audit-log. Filters it rejects render no
  // page here: the browser then asks the API, which explains the problem where the table would be.
  const { page, renderedAt } = await firstPage(filters);

  return (
    <>
      <PageHeader title="Audit log" description="Every change to plans, coupons, add-ons, invoices and API keys: who, when, before and after." />
      <AuditLogBrowser initial={{ search: auditFiltersSearch(filters), page, renderedAt }} />
    </>
  );
}

async function firstPage(filters: TAuditFilters) {
  const renderedAt = Date.now();
  const query = ZAuditListQuery.safeParse({ ...filters, limit: AUDIT_PAGE_SIZE });
  return { page: query.success ? await listAuditEntries(query.data) : null, renderedAt };
}
