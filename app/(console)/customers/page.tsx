import type { Metadata } from 'next';
import { CustomerBrowser } from '@/components/customers/customer-browser';
import { CUSTOMER_PAGE_SIZE, customerFiltersSearch, readCustomerFilters } from '@/components/customers/customer-filters';
import { NewCustomerButton } from '@/components/customers/lazy-forms';
import { PageHeader } from '@/components/ui/page-header';
import { recordParams } from '@/components/ui/url-filters';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { ZOrganizationSearchQuery } from '@/lib/billing/organizations/schemas';
import { searchOrganizations } from '@/lib/billing/organizations/search-organizations';
import { listPlans } from '@/lib/billing/plans/list-plans';

export const metadata: Metadata = { title: 'Customers' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CustomersPage({ searchParams }: PageProps) {
  await requireSuperAdminPage();
  const filters = readCustomerFilters(recordParams(await searchParams));
  const query = ZOrganizationSearchQuery.safeParse({ ...filters, limit: CUSTOMER_PAGE_SIZE });
  const [page, plans] = await Promise.all([query.success ? searchOrganizations(query.data) : null, listPlans()]);
  return (
    <>
      <PageHeader title="Customers" description="Tenants and their subscription: plan, status and coupon. Open one to change, cancel or discount it." actions={<NewCustomerButton />} />
      <CustomerBrowser plans={plans.map((plan) => ({ id: plan.id, name: plan.name }))} initial={{ search: customerFiltersSearch(filters), page }} />
    </>
  );
}
