import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as detailRoute } from '@/app/api/v1/admin/billing/invoices/[id]/route';
import { GET as listRoute } from '@/app/api/v1/admin/billing/invoices/route';
import { ZInvoiceDetail, ZInvoicePage } from '@/lib/billing/invoices/schemas';
import { db } from '@/lib/db';
import { seedDatabase } from '@/prisma/seed';
import { credentialsFor } from '@/tests/integration/actors';
import { apiAs } from '@/tests/integration/api-client';
import { refreshRollup, rollupDiscrepancies } from '@/tests/integration/paid-invoice-rollup';
import { generateData } from './generate-data';
import { findInvariantViolations } from './invariant-checks';

/** A fixed "now", so the same seed generates the same rows on every run. */
const NOW = new Date('2026-03-15T10:00:00.000Z');
let client: pg.Client;
let demoInvoices: number;

const scalar = async (sql: string) => Number(Object.values((await client.query(sql)).rows[0])[0]);

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await seedDatabase(db(), { now: NOW });
  demoInvoices = await scalar('SELECT count(*) FROM invoices');
  // The demo's payments summed, so the generator's backdated ones land in summed days.
  await refreshRollup(client);
  await generateData(client, { organizations: 300, months: 6, seed: 1, reset: false, now: NOW });
  // The demo's 24 months are made through the API in-process (prisma/seed-data/demo-story.ts): a minute or two on a loaded machine.
}, 300_000);

afterAll(async () => {
  await client.end();
});

describe('generateData on top of the demo seed', () => {
  it('breaks none of the rules the app relies on (totals, refunds, coupons, statuses, references)', async () => {
    expect(await findInvariantViolations(client)).toEqual({});
  });

  it("keeps the paid invoices' daily totals exact: their triggers fire in bulk-load mode too", async () => {
    // Before a refresh: every day the generator paid invoices on is dirty, the others still exact.
    expect(await scalar('SELECT count(*) FROM paid_invoice_dirty_days')).toBeGreaterThan(100);
    expect(await rollupDiscrepancies(client)).toEqual([]);
    await refreshRollup(client);
    expect(await scalar('SELECT count(*) FROM paid_invoice_dirty_days')).toBe(0);
    expect(await rollupDiscrepancies(client)).toEqual([]);
  });

  it('makes a realistic mix: every invoice status, three currencies, both cycles, add-ons, coupons, cancellations', async () => {
    const statuses = (await client.query(`SELECT DISTINCT status::text FROM invoices WHERE number LIKE 'GEN-%'`)).rows.map((row) => row.status);
    expect(statuses.sort()).toEqual(['draft', 'open', 'paid', 'partially_refunded', 'refunded', 'void']);
    const currencies = (await client.query(`SELECT DISTINCT currency FROM invoices WHERE number LIKE 'GEN-%'`)).rows.map((row) => row.currency);
    expect(currencies.sort()).toEqual(['IDR', 'SGD', 'USD']);
    const generated = `JOIN organizations o ON o.id = s.organization_id AND o.slug LIKE 'gen-%'`;
    const cycles = (await client.query(`SELECT DISTINCT billing_cycle::text FROM subscriptions s ${generated}`)).rows.map((row) => row.billing_cycle);
    expect(cycles.sort()).toEqual(['annual', 'monthly']);
    const cancelled = await scalar(`SELECT avg((s.cancelled_at IS NOT NULL)::int) FROM subscriptions s ${generated}`);
    expect(cancelled).toBeGreaterThan(0.05);
    expect(cancelled).toBeLessThan(0.2);
    expect(await scalar(`SELECT count(*) FROM subscription_addons sa JOIN subscriptions s ON s.id = sa.subscription_id ${generated}`)).toBeGreaterThan(0);
    expect(await scalar(`SELECT count(*) FROM refunds WHERE status = 'failed' AND gateway_ref IS NULL`)).toBeGreaterThan(0);
    expect(await scalar(`SELECT count(*) FROM coupon_redemptions cr JOIN subscriptions s ON s.id = cr.subscription_id ${generated}`)).toBeGreaterThan(0);
    // The capped launch offer is used up, never past its cap (the CHECK would refuse it anyway).
    expect(await scalar(`SELECT count(*) FROM coupons WHERE code = 'GEN-LAUNCH30' AND current_uses = max_uses`)).toBe(1);
  });

  it('numbers the invoices GEN-YYYYMM-…, dates them by issue, and the API serves them', async () => {
    expect(await scalar(`SELECT count(*) FROM invoices WHERE number LIKE 'GEN-%' AND number !~ '^GEN-[0-9]{6}-[0-9]{7}$'`)).toBe(0);
    expect(await scalar(`SELECT count(*) FROM invoices WHERE number LIKE 'GEN-%' AND to_char(period_start, 'YYYYMM') <> substr(number, 5, 6)`)).toBe(0);
    const api = apiAs((await credentialsFor('super_admin')).bearer);
    const page = ZInvoicePage.parse((await api(listRoute, { query: { q: 'GEN-', limit: '5' } })).body);
    expect(page.data).toHaveLength(5);
    const detail = await api(detailRoute, { params: { id: page.data[0]!.id } });
    expect(detail.status).toBe(200);
    expect(ZInvoiceDetail.parse(detail.body).lines.length).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed and now give the same totals', async () => {
    const fingerprint = `SELECT count(*) || ':' || sum(total) || ':' || sum(amount_refunded) FROM invoices WHERE number LIKE 'GEN-%'`;
    const before = (await client.query(fingerprint)).rows[0];
    await generateData(client, { organizations: 300, months: 6, seed: 1, reset: true, now: NOW });
    expect((await client.query(fingerprint)).rows[0]).toEqual(before);
  });

  it('refuses a second run without reset; reset replaces the generated tenants and keeps the demo', async () => {
    await expect(generateData(client, { organizations: 40, months: 3, seed: 2, reset: false, now: NOW })).rejects.toThrow(/--reset/);
    const summary = await generateData(client, { organizations: 40, months: 3, seed: 2, reset: true, now: NOW });
    expect(await scalar(`SELECT count(*) FROM organizations WHERE slug LIKE 'gen-%'`)).toBe(40);
    expect(await scalar(`SELECT count(*) FROM invoices WHERE number LIKE 'GEN-%'`)).toBe(summary.rows.invoices);
    expect(await scalar(`SELECT count(*) FROM invoices WHERE number NOT LIKE 'GEN-%'`)).toBe(demoInvoices);
    expect(await findInvariantViolations(client)).toEqual({});
    // The reset's TRUNCATE started the rollup over.
    expect(await scalar('SELECT count(*) FROM paid_invoice_daily_totals')).toBe(0);
    await refreshRollup(client);
    expect(await rollupDiscrepancies(client)).toEqual([]);
  });
});
