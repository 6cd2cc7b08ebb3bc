import { describe, expect, it } from 'vitest';
import { auditDiff } from './audit-diff';

const LIMITS = { max_agents: 5, max_contacts: null, max_messages_month: 10_000, max_channels: 2, max_ai_agents: 0 };
const PLAN = { name: 'Growth', base_price_monthly: 799_000, limits: LIMITS, features: { ai_agent: true }, is_active: true };

describe('auditDiff', () => {
  it('an update lists only the changed fields, with old and new values', () => {
    expect(auditDiff(PLAN, { ...PLAN, name: 'Growth+', base_price_monthly: 849_000 })).toEqual([
      { path: 'base_price_monthly', kind: 'changed', before: 799_000, after: 849_000 },
      { path: 'name', kind: 'changed', before: 'Growth', after: 'Growth+' },
    ]);
  });

  it('nested objects are flattened: a replaced limits object shows the one limit that changed', () => {
    expect(auditDiff(PLAN, { ...PLAN, limits: { ...LIMITS, max_agents: 8 } })).toEqual([
      { path: 'limits.max_agents', kind: 'changed', before: 5, after: 8 },
    ]);
  });

  it('a value becoming null (unlimited) or leaving null is a change', () => {
    expect(auditDiff(PLAN, { ...PLAN, limits: { ...LIMITS, max_agents: null, max_contacts: 500 } })).toEqual([
      { path: 'limits.max_agents', kind: 'changed', before: 5, after: null },
      { path: 'limits.max_contacts', kind: 'changed', before: null, after: 500 },
    ]);
  });

  it('keys only in after are added, keys only in before are removed (also nested)', () => {
    const before = { status: 'paid', amount_refunded: 0, features: { ai_agent: true, legacy: 1 } };
    const after = { status: 'refunded', refund_id: 'r1', features: { ai_agent: true, api_access: false } };
    expect(auditDiff(before, after)).toEqual([
      { path: 'amount_refunded', kind: 'removed', before: 0 },
      { path: 'features.api_access', kind: 'added', after: false },
      { path: 'features.legacy', kind: 'removed', before: 1 },
      { path: 'refund_id', kind: 'added', after: 'r1' },
      { path: 'status', kind: 'changed', before: 'paid', after: 'refunded' },
    ]);
  });

  it('a creation (no before) lists every leaf as added; a missing after lists every leaf as removed', () => {
    const created = auditDiff(null, { name: 'Growth', limits: { max_agents: 5 } });
    expect(created).toEqual([
      { path: 'limits.max_agents', kind: 'added', after: 5 },
      { path: 'name', kind: 'added', after: 'Growth' },
    ]);
    expect(auditDiff({ name: 'Growth' }, undefined)).toEqual([{ path: 'name', kind: 'removed', before: 'Growth' }]);
  });

  it('arrays are compared as whole values, order included', () => {
    expect(auditDiff({ applicable_plans: ['a', 'b'] }, { applicable_plans: ['a', 'b'] })).toEqual([]);
    expect(auditDiff({ applicable_plans: ['a', 'b'] }, { applicable_plans: ['b', 'a'] })).toEqual([
      { path: 'applicable_plans', kind: 'changed', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
    expect(auditDiff({ applicable_plans: null }, { applicable_plans: ['a'] })).toEqual([
      { path: 'applicable_plans', kind: 'changed', before: null, after: ['a'] },
    ]);
  });

  it('an object replaced by a scalar (or the reverse) is one change with whole values', () => {
    expect(auditDiff({ limits: { max_agents: 5 } }, { limits: null })).toEqual([
      { path: 'limits', kind: 'changed', before: { max_agents: 5 }, after: null },
    ]);
  });

  it('an empty object added is shown, not lost', () => {
    expect(auditDiff({ name: 'x' }, { name: 'x', features: {} })).toEqual([{ path: 'features', kind: 'added', after: {} }]);
  });

  it('money stays the JSON number it was: no rounding or formatting', () => {
    expect(auditDiff({ overage_message_price: 0.05 }, { overage_message_price: 0.1 })).toEqual([
      { path: 'overage_message_price', kind: 'changed', before: 0.05, after: 0.1 },
    ]);
  });

  it('is sorted by path, whatever order the stored JSON keeps its keys in (jsonb: shortest first)', () => {
    const stored = { name: 'b', limits: { max_agents: 1 }, base_price_monthly: 1 };
    const paths = auditDiff(null, stored).map((change) => change.path);
    expect(paths).toEqual(['base_price_monthly', 'limits.max_agents', 'name']);
  });

  it('equal states, or nothing on either side, have no changes', () => {
    expect(auditDiff(PLAN, structuredClone(PLAN))).toEqual([]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});
