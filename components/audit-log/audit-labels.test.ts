import { describe, expect, it } from 'vitest';
import { AUDIT_ENTITY_TYPES } from '@/lib/audit/schemas';
import { auditFiltersSearch, hasAuditFilters, readAuditFilters } from './audit-filters';
import { ENTITY_LABELS, KNOWN_ACTIONS, entityHref, entityName, formatAuditTime, formatAuditValue } from './audit-labels';

describe('audit log labels', () => {
  it('links plans, coupons, add-ons and keys to their list pages and an invoice to its own page', () => {
    expect(entityHref('plan', 'p1')).toBe('/plans');
    expect(entityHref('coupon', 'c1')).toBe('/coupons');
    expect(entityHref('addon', 'a1')).toBe('/addons');
    expect(entityHref('api_key', 'k1')).toBe('/api-keys');
    expect(entityHref('invoice', '0f9b3a52-6c1e-4d7a-9b8e-2f4c6a1d3e57')).toBe('/invoices/0f9b3a52-6c1e-4d7a-9b8e-2f4c6a1d3e57');
    expect(entityHref('organization', 'o1')).toBe('/customers/o1');
    expect(entityHref('subscription', 's1')).toBeNull();
  });

  it('has a label and known actions for every entity type the API filters by', () => {
    for (const type of AUDIT_ENTITY_TYPES) {
      expect(ENTITY_LABELS[type]).toBeTruthy();
      expect(KNOWN_ACTIONS[type].every((action) => action.startsWith(`${type}.`))).toBe(true);
    }
  });

  it('names an entity by its name, code or number, after before before, else its short id', () => {
    expect(entityName({ entity_id: 'x', before: { name: 'Old' }, after: { name: 'New' } })).toBe('New');
    expect(entityName({ entity_id: 'x', before: { code: 'WELCOME' }, after: null })).toBe('WELCOME');
    expect(entityName({ entity_id: 'x', before: null, after: { number: 'INV-1', status: 'paid' } })).toBe('INV-1');
    expect(entityName({ entity_id: '0f9b3a52-6c1e', before: null, after: { status: 'paid' } })).toBe('0f9b3a52');
  });

  it('shows times in UTC with seconds, the same on server and browser', () => {
    expect(formatAuditTime('2026-11-05T04:03:09.120Z')).toBe('5 Nov 2026, 04:03:09 UTC');
  });

  it('shows values as JSON: money unformatted, strings quoted, null as null', () => {
    expect(formatAuditValue(299000)).toBe('299000');
    expect(formatAuditValue('Growth')).toBe('"Growth"');
    expect(formatAuditValue(null)).toBe('null');
    expect(formatAuditValue(['a'])).toBe('["a"]');
    expect(formatAuditValue(undefined)).toBe('—');
  });

  it('reads filters from the URL and writes them back in a fixed order, dropping empty ones', () => {
    const filters = readAuditFilters(new URLSearchParams('to=2026-01-31&entity_type=plan&actor=&unknown=1'));
    expect(filters).toEqual({ entity_type: 'plan', to: '2026-01-31' });
    expect(auditFiltersSearch({ to: '2026-01-31', actor: 'ops@example.com', entity_type: 'plan' })).toBe('actor=ops%40example.com&entity_type=plan&to=2026-01-31');
    expect(hasAuditFilters({})).toBe(false);
    expect(hasAuditFilters({ action: 'plan.updated' })).toBe(true);
  });
});
