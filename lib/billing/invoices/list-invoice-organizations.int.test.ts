import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { listInvoiceOrganizations } from './list-invoice-organizations';

describe('listInvoiceOrganizations', () => {
  it('lists organizations with invoices as id and name, sorted by name as people read it (case-insensitive)', async () => {
    const invoices = await Promise.all([createInvoiceFixture(), createInvoiceFixture(), createInvoiceFixture()]);
    const names = ['Zebra Retail', 'acme Logistik', 'Maju Jaya'];
    await Promise.all(invoices.map((invoice, i) => db().organization.update({ where: { id: invoice.organizationId }, data: { name: names[i]! } })));

    const organizations = await listInvoiceOrganizations();

    expect(organizations.map((o) => o.name)).toEqual(['acme Logistik', 'Maju Jaya', 'Zebra Retail']);
    expect(Object.keys(organizations[0]!).sort()).toEqual(['id', 'name']);
    expect(organizations.find((o) => o.name === 'Zebra Retail')?.id).toBe(invoices[0]!.organizationId);
  });

  it('leaves out organizations without invoices', async () => {
    const lonely = await db().organization.create({ data: { name: 'No Invoices Yet', slug: `no-invoices-${Date.now()}`, billingEmail: 'b@x.test', country: 'ID' } });
    expect((await listInvoiceOrganizations()).some((o) => o.id === lonely.id)).toBe(false);
  });
});
