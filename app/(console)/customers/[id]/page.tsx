import { cache, Suspense } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CustomerHeader, CustomerInvoices, CustomerTimeline, SectionSkeleton, SubscriptionBanners, SubscriptionCard } from '@/components/customers/customer-sections';
import { CreditNotesTable } from '@/components/invoices/credit-notes-table';
import { CancelForm, ChangeForm, SubscribeForm, SubscriptionCouponForm } from '@/components/customers/lazy-forms';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { TAuditEntry } from '@/lib/audit/schemas';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { listAddons } from '@/lib/billing/addons/list-addons';
import { listOrganizationCreditNotes } from '@/lib/billing/credit-notes/list-credit-notes';
import type { TCreditNote } from '@/lib/billing/credit-notes/schemas';
import { listInvoices } from '@/lib/billing/invoices/list-invoices';
import type { TInvoicePage } from '@/lib/billing/invoices/schemas';
import { getOrganizationOrThrow } from '@/lib/billing/organizations/get-organization-or-throw';
import { listCustomerTimeline } from '@/lib/billing/organizations/list-customer-timeline';
import { listPlans } from '@/lib/billing/plans/list-plans';
import { estimateNextInvoice } from '@/lib/billing/subscriptions/estimate-next-invoice';
import { getUsageSummary } from '@/lib/billing/usage/get-usage-summary';
import { BillingError } from '@/lib/errors';
import { isUuid } from '@/lib/http/parse';
import { formatMoney } from '@/lib/money-format';

type PageProps = { params: Promise<{ id: string }> };

/** The same operation as GET /organizations/{id}; its 404 is the page's 404. */
const loadCustomer = cache(async (id: string) => {
  try {
    return await getOrganizationOrThrow(id);
  } catch (error) {
    if (error instanceof BillingError && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await requireSuperAdminPage();
  return { title: (await loadCustomer((await params).id)).name };
}

export default async function CustomerPage({ params }: PageProps) {
  await requireSuperAdminPage();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  // One round of queries. What is above the fold (the customer, its subscription and the forms'
  // choices) holds the first flush; the histories below it stream in their own Suspense
  // boundaries when their queries answer, so the first paint waits for none of them.
  const withEstimate = loadCustomer(id).then(async (customer) => {
    const live = customer.subscription && customer.subscription.status !== 'cancelled' ? customer.subscription : null;
    const [estimate, usage] = live ? await Promise.all([estimateNextInvoice(live.id), getUsageSummary({ subscriptionId: live.id })]) : [null, null];
    return { customer, live, estimate, usage };
  });
  const invoices = handled(listInvoices({ organization_id: id, limit: 10 }));
  const creditNotes = handled(listOrganizationCreditNotes(id));
  const timeline = handled(listCustomerTimeline(id));
  const [{ customer, live, estimate, usage }, plans, addons] = await Promise.all([withEstimate, listPlans(), listAddons()]);
  const subscription = customer.subscription;
  const planNames = Object.fromEntries(plans.map((plan) => [plan.id, plan.name]));
  const addonNames = Object.fromEntries(addons.map((addon) => [addon.id, addon.name]));
  const planChoices = plans.map((plan) => ({ id: plan.id, name: plan.name, currency: plan.currency, is_active: plan.is_active }));

  return (
    <>
      <CustomerHeader customer={customer} />
      {subscription ? <SubscriptionBanners subscription={subscription} planNames={planNames} /> : null}
      {subscription ? <SubscriptionCard subscription={subscription} addonNames={addonNames} nextInvoice={estimate ? formatMoney(estimate.total.toNumber(), estimate.currency) : null} usage={usage} /> : null}
      <Card className="mb-6">
        <CardHeader><CardTitle>{live ? 'Manage the subscription' : 'Subscribe'}</CardTitle></CardHeader>
        <CardContent className="space-y-8">
          {live ? (
            <>
              {live.cancel_at_period_end ? null : <section aria-label="Change plan"><h3 className="mb-2 text-sm font-semibold">Change plan, cycle or agents</h3><ChangeForm key={`${live.plan_id}:${live.billing_cycle}:${live.agent_count}`} subscription={live} plans={planChoices} /></section>}
              <section aria-label="Coupon"><h3 className="mb-2 text-sm font-semibold">Coupon</h3><SubscriptionCouponForm subscription={live} /></section>
              {live.cancel_at_period_end ? null : <section aria-label="Cancel"><h3 className="mb-2 text-sm font-semibold">Cancel</h3><CancelForm subscription={live} /></section>}
            </>
          ) : (
            <SubscribeForm organizationId={customer.id} plans={planChoices} addons={addons.map((addon) => ({ id: addon.id, name: addon.name, unit: addon.unit, is_active: addon.is_active }))} />
          )}
        </CardContent>
      </Card>
      <Suspense fallback={<SectionSkeleton title="Invoices" />}>
        <InvoicesSection invoices={invoices} organizationId={customer.id} />
      </Suspense>
      <Suspense fallback={<SectionSkeleton title="Credit notes" />}>
        <CreditNotesSection notes={creditNotes} />
      </Suspense>
      <Suspense fallback={<SectionSkeleton title="Timeline" />}>
        <TimelineSection entries={timeline} />
      </Suspense>
    </>
  );
}

/** A promise awaited later, in a Suspense boundary: marked handled now, so a 404 before it is awaited leaves no unhandled rejection. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

async function InvoicesSection({ invoices, organizationId }: { invoices: Promise<TInvoicePage>; organizationId: string }) {
  return <CustomerInvoices invoices={(await invoices).data} organizationId={organizationId} />;
}

async function CreditNotesSection({ notes }: { notes: Promise<TCreditNote[]> }) {
  const rows = await notes;
  return (
    <Card className="mb-6">
      <CardHeader><CardTitle>Credit notes</CardTitle></CardHeader>
      <CardContent>
        {rows.length === 0 ? <p className="text-sm text-zinc-500">No credit notes: no refund of this customer has succeeded.</p> : <CreditNotesTable notes={rows} showInvoice label="Credit notes" />}
      </CardContent>
    </Card>
  );
}

async function TimelineSection({ entries }: { entries: Promise<TAuditEntry[]> }) {
  return <CustomerTimeline entries={await entries} />;
}
