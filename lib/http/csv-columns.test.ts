import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZPlan } from '@/lib/billing/plans/schemas';
import { csvCellsOf, csvColumnsOf } from './csv-columns';

const ZThing = z.strictObject({
  id: z.string(),
  limits: z.strictObject({ max_agents: z.number().nullable(), max_channels: z.number().nullable() }),
  owner: z.strictObject({ name: z.string() }).nullable(),
  plans: z.array(z.string()),
  note: z.string().optional(),
});

describe('csvColumnsOf', () => {
  it('lists the JSON fields in schema order, nested objects flattened with dots', () => {
    expect(csvColumnsOf(ZThing).map((column) => column.header)).toEqual(['id', 'limits.max_agents', 'limits.max_channels', 'owner.name', 'plans', 'note']);
  });

  it('gives a plan its seed fields with limits and features flattened', () => {
    const headers = csvColumnsOf(ZPlan).map((column) => column.header);
    expect(headers).toContain('base_price_monthly');
    expect(headers).toContain('limits.max_agents');
    expect(headers).toContain('features.ai_agent');
    expect(headers).not.toContain('limits');
  });
});

describe('csvCellsOf', () => {
  it('reads nested values, null parents and missing fields as empty, arrays space-separated', () => {
    const columns = csvColumnsOf(ZThing);
    const row = { id: 'a', limits: { max_agents: 5, max_channels: null }, owner: null, plans: ['p1', 'p2'] };
    expect(csvCellsOf(row, columns)).toEqual(['a', 5, null, undefined, 'p1 p2', undefined]);
  });
});
