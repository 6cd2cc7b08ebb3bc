import { beforeAll, describe, expect, it } from 'vitest';
import { GET as addonsRoute, POST as createAddon } from '@/app/api/v1/admin/billing/addons/route';
import { GET as couponsRoute, POST as createCoupon } from '@/app/api/v1/admin/billing/coupons/route';
import { GET as invoicesRoute } from '@/app/api/v1/admin/billing/invoices/route';
import { GET as plansRoute, POST as createPlan } from '@/app/api/v1/admin/billing/plans/route';
import { ZAddon } from '@/lib/billing/addons/schemas';
import { ZCoupon } from '@/lib/billing/coupons/schemas';
import { ZInvoice, ZInvoicePage } from '@/lib/billing/invoices/schemas';
import { listPlans } from '@/lib/billing/plans/list-plans';
import { ZPlan } from '@/lib/billing/plans/schemas';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { callRoute } from '@/tests/integration/call-route';
import { csvObjects } from '@/tests/integration/parse-csv';
import { csvColumnsOf } from './csv-columns';

let api: ReturnType<typeof apiAs>;
const CSV = { accept: 'text/csv' };
const limits = { max_agents: 5, max_contacts: 1000, max_messages_month: 10000, max_channels: 3, max_ai_agents: null };

const expectCsvDownload = (result: { status: number; headers: Headers }, name: string) => {
  expect(result.status).toBe(200);
  expect(result.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(result.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${name}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
  expect(result.headers.get('vary')).toBe('Accept');
};

beforeAll(async () => {
  api = apiAs((await credentialsFor('super_admin')).bearer);
});

describe('GET /plans as CSV', () => {
  let plan: { id: string };

  beforeAll(async () => {
    const created = await api(createPlan, {
      method: 'POST',
      body: { name: '=HYPERLINK("http://evil.example","Pro, \"annual\"")', slug: 'csv-pro', currency: 'USD', base_price_monthly: 49.99, per_agent_price: 9.5, overage_message_price: 0.01, limits, features: { ai_agent: true } },
    });
    expect(created.status).toBe(201);
    plan = created.body;
  });

  it('has a header row of the JSON fields, limits and features flattened', async () => {
    const result = await api(plansRoute, { headers: CSV });
    expectCsvDownload(result, 'plans');
    const { header } = csvObjects(result.text);
    expect(header).toEqual(csvColumnsOf(ZPlan).map((column) => column.header));
    expect(header).toEqual(expect.arrayContaining(['limits.max_agents', 'limits.max_ai_agents', 'features.ai_agent', 'base_price_monthly']));
  });

  it("writes a row's values: money as plain decimals, null as empty, booleans as true/false", async () => {
    const { rows } = csvObjects((await api(plansRoute, { headers: CSV })).text);
    const row = rows.find((candidate) => candidate.id === plan.id);
    expect(row).toMatchObject({
      slug: 'csv-pro',
      currency: 'USD',
      base_price_monthly: '49.99',
      base_price_annual: '499.9',
      overage_message_price: '0.01',
      'limits.max_agents': '5',
      'limits.max_ai_agents': '',
      'features.ai_agent': 'true',
      'features.api_access': 'false',
      is_active: 'true',
    });
  });

  it('quotes the comma and quotes, and defuses the formula with a leading quote', async () => {
    const result = await api(plansRoute, { headers: CSV });
    expect(result.text).toContain(`"'=HYPERLINK(""http://evil.example"",""Pro, ""annual"""")"`);
    const row = csvObjects(result.text).rows.find((candidate) => candidate.id === plan.id);
    expect(row?.name).toBe(`'=HYPERLINK("http://evil.example","Pro, "annual"")`);
  });

  it('answers ?format=csv like Accept: text/csv, byte for byte', async () => {
    const [byHeader, byParam] = await Promise.all([api(plansRoute, { headers: CSV }), api(plansRoute, { query: { format: 'csv' } })]);
    expectCsvDownload(byParam, 'plans');
    expect(byParam.text).toBe(byHeader.text);
  });

  it('keeps JSON when Accept is absent, application/json or a wildcard', async () => {
    const variants: Record<string, string>[] = [{}, { accept: 'application/json' }, { accept: '*/*' }, { accept: 'application/json, text/csv' }];
    for (const headers of variants) {
      const result = await api(plansRoute, { headers });
      expect(result.status).toBe(200);
      expect(result.headers.get('content-type')).toBe('application/json');
      // Byte for byte what the list operation gives, as before CSV existed.
      expect(result.text).toBe(JSON.stringify(await listPlans()));
      ZPlan.strict().array().parse(result.body);
    }
  });

  it('an unknown format is 400, and CSV still needs credentials', async () => {
    const bad = await api(plansRoute, { query: { format: 'xlsx' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_format');
    const anonymous = await callRoute(plansRoute, { headers: CSV });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('GET /coupons as CSV', () => {
  it('lists the coupon fields with its derived status; plan ids space-separated; percentages as decimals', async () => {
    const planIds = [];
    for (const slug of ['csv-coupon-a', 'csv-coupon-b']) {
      planIds.push((await api(createPlan, { method: 'POST', body: { name: slug, slug, base_price_monthly: 100000, per_agent_price: 0, overage_message_price: 0, limits, features: {} } })).body.id);
    }
    const coupon = await api(createCoupon, { method: 'POST', body: { code: 'csv-half', discount_type: 'percentage', discount_value: 12.5, applicable_plans: planIds, max_uses: 10 } });
    expect(coupon.status).toBe(201);

    const result = await api(couponsRoute, { headers: CSV });
    expectCsvDownload(result, 'coupons');
    const { header, rows } = csvObjects(result.text);
    expect(header).toEqual(csvColumnsOf(ZCoupon).map((column) => column.header));
    expect(rows.find((row) => row.id === coupon.body.id)).toMatchObject({
      code: 'CSV-HALF',
      discount_type: 'percentage',
      discount_value: '12.5',
      currency: '',
      max_uses: '10',
      current_uses: '0',
      applicable_plans: planIds.join(' '),
      status: 'active',
    });
  });
});

describe('GET /addons as CSV', () => {
  it('quotes line breaks and commas, guards a leading minus that is not a number', async () => {
    const addon = await api(createAddon, {
      method: 'POST',
      body: { name: '-1+1 Promo', slug: 'csv-addon', description: 'Two lines,\nwith a comma', price_monthly: 150000 },
    });
    expect(addon.status).toBe(201);

    const result = await api(addonsRoute, { headers: CSV });
    expectCsvDownload(result, 'addons');
    expect(result.text).toContain('"Two lines,\nwith a comma"');
    const { header, rows } = csvObjects(result.text);
    expect(header).toEqual(csvColumnsOf(ZAddon).map((column) => column.header));
    expect(rows.find((row) => row.id === addon.body.id)).toMatchObject({
      name: "'-1+1 Promo",
      description: 'Two lines,\nwith a comma',
      price_monthly: '150000',
      price_annual: '1500000',
      unit: 'flat',
    });
  });
});

describe('GET /invoices as CSV', () => {
  const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
  let orgInvoice: { id: string; organizationId: string };

  beforeAll(async () => {
    // 110 paid and 10 void invoices tagged CSVX: more than one JSON page (25) and than its maximum (100).
    for (let i = 0; i < 120; i++) {
      const invoice = await createInvoiceFixture({ status: i < 110 ? 'paid' : 'void', number: `CSVX-${String(i).padStart(4, '0')}`, total: '299000', issuedAt: day(`2026-0${1 + (i % 3)}-15`) });
      if (i === 0) orgInvoice = invoice;
    }
  });

  it('exports every matching invoice, not one page, newest first, with the JSON fields as columns', async () => {
    const result = await api(invoicesRoute, { headers: CSV, query: { q: 'CSVX' } });
    expectCsvDownload(result, 'invoices');
    const { header, rows } = csvObjects(result.text);
    expect(header).toEqual(csvColumnsOf(ZInvoice).map((column) => column.header));
    expect(rows).toHaveLength(120);
    expect(new Set(rows.map((row) => row.id)).size).toBe(120);
    const created = rows.map((row) => row.created_at);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('applies status, organization_id, from/to and q', async () => {
    const csv = async (query: Record<string, string>) => csvObjects((await api(invoicesRoute, { headers: CSV, query: { q: 'CSVX', ...query } })).text).rows;
    expect(await csv({ status: 'void' })).toHaveLength(10);
    expect((await csv({ status: 'void' })).every((row) => row.status === 'void')).toBe(true);
    expect((await csv({ organization_id: orgInvoice.organizationId })).map((row) => row.id)).toEqual([orgInvoice.id]);
    const february = await csv({ from: '2026-02-01', to: '2026-02-28' });
    expect(february.length).toBeGreaterThan(0);
    expect(february.every((row) => row.issued_at?.startsWith('2026-02-'))).toBe(true);
    expect(await csv({ q: 'CSVX-0007' })).toHaveLength(1);
  });

  it('writes money as plain decimals in major units', async () => {
    const [row] = csvObjects((await api(invoicesRoute, { headers: CSV, query: { q: 'CSVX-0001' } })).text).rows;
    expect(row).toMatchObject({ number: 'CSVX-0001', currency: 'IDR', total: '299000', amount_paid: '299000', amount_refunded: '0', status: 'paid' });
  });

  it('ignores limit and starting_after, which page JSON only', async () => {
    const { rows } = csvObjects((await api(invoicesRoute, { query: { q: 'CSVX', format: 'csv', limit: '5', starting_after: orgInvoice.id } })).text);
    expect(rows).toHaveLength(120);
  });

  it('invalid filters are 400 problem+json, as for JSON', async () => {
    const result = await api(invoicesRoute, { headers: CSV, query: { status: 'lost' } });
    expect(result.status).toBe(400);
    expect(result.headers.get('content-type')).toBe('application/problem+json');
    expect(result.body.errors[0].path).toBe('status');
  });

  it('keeps the JSON page when Accept is absent or application/json, and accepts ?format=json', async () => {
    for (const options of [{}, { headers: { accept: 'application/json' } }, { query: { format: 'json' } }]) {
      const result = await api(invoicesRoute, { ...options, query: { q: 'CSVX', ...('query' in options ? options.query : {}) } });
      expect(result.status).toBe(200);
      expect(result.headers.get('content-type')).toBe('application/json');
      const page = ZInvoicePage.parse(result.body);
      expect(page.data).toHaveLength(25);
      expect(page.has_more).toBe(true);
    }
  });
});
