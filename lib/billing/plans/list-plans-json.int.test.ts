import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { jsonMoney } from '@/lib/db/json-text';
import { readScalar } from '@/lib/db/scalar-read';
import { Prisma } from '@/lib/generated/prisma/client';
import { moneyTextToJson } from '@/lib/money';
import { listPlans } from './list-plans';
import { listPlansJsonSql } from './list-plans-json';

describe('listPlansJsonSql (GET /plans JSON written by PostgreSQL)', () => {
  it('is byte for byte JSON.stringify(listPlans()): fractional and extreme prices, escapes, limits and features', async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const plans = [
      { name: `Json ${suffix} "quoted" \\ back\nline\ttab \u0001 ✓ 😀 </script>`, prices: ['0.0001', '12.3456', '99999999999999.9999', '0'], limits: { max_agents: 3, max_contacts: null, max_messages_month: 2147483647, max_channels: 0, max_ai_agents: null }, features: { ai_agent: true, api_access: false, dedicated_support: true } },
      { name: `Json ${suffix} b`, prices: ['1250.5', '0.1', '0.2', '12345678901234.5678'], limits: { max_agents: 3, max_contacts: null }, features: { ai_agent: true } },
      { name: `Json ${suffix} c`, prices: ['0.3', '1', '10000000000000', '0.0005'], limits: {}, features: {} },
    ];
    for (const [index, plan] of plans.entries()) {
      const [monthly, annual, agent, overage] = plan.prices.map((price) => new Prisma.Decimal(price));
      await db().plan.create({
        data: {
          name: plan.name, slug: `json-${suffix}-${index}`, currency: index === 0 ? 'IDR' : 'USD',
          basePriceMonthly: monthly!, basePriceAnnual: annual!, perAgentPrice: agent!, overageMessagePrice: overage!,
          limits: plan.limits, features: plan.features, isActive: index !== 1, sortOrder: -2 + index,
        },
      });
    }
    const text = await readScalar(listPlansJsonSql());
    expect(text).toBe(JSON.stringify(await listPlans()));
    expect(JSON.parse(text!)).toEqual(await listPlans());
  });

  it('spells every numeric(18,4) as the JSON number moneyTextToJson gives', async () => {
    const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
    const numeric = fc.tuple(fc.boolean(), digits(14), fc.option(digits(4), { nil: undefined })).map(([negative, whole, fraction]) =>
      new Prisma.Decimal(`${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`).toFixed(4),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(numeric, { minLength: 1, maxLength: 200 }), async (values) => {
        const texts = values.map((value) => Prisma.sql`${value}::numeric(18,4)`);
        const [row] = await db().$queryRaw<{ spelled: string[]; exact: string[] }[]>`
          SELECT array_agg(${jsonMoney(Prisma.sql`v`)} ORDER BY n) AS spelled, array_agg(v::text ORDER BY n) AS exact
          FROM unnest(ARRAY[${Prisma.join(texts)}]) WITH ORDINALITY AS t(v, n)`;
        row!.exact.forEach((exact, index) => expect(row!.spelled[index], exact).toBe(JSON.stringify(moneyTextToJson(exact))));
      }),
      { numRuns: 40 },
    );
    const edges = ['0.0000', '0.0001', '0.0009', '99999999999999.9999', '-99999999999999.9999', '12345678901234.5678', '0.1000', '1.0000', '10000000000000.0000', '4503599627370.4961', '0.3000', '1234.5000'];
    const [row] = await db().$queryRaw<{ spelled: string[] }[]>`SELECT array_agg(${jsonMoney(Prisma.sql`v`)} ORDER BY n) AS spelled FROM unnest(${edges}::numeric(18,4)[]) WITH ORDINALITY AS t(v, n)`;
    expect(row!.spelled).toEqual(edges.map((edge) => JSON.stringify(moneyTextToJson(edge))));
  });
});
