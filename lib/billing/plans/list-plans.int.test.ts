import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { listPlans } from './list-plans';
import { planToDto } from './plan-dto';

describe('listPlans (typed raw SQL, money as exact text until JSON)', () => {
  it('answers exactly what findMany + planToDto answer, fractional and extreme prices included', async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const prices = [
      ['0.0001', '12.3456', '99999999999999.9999', '0'],
      ['1250.5', '0.1', '0.2', '0.3'],
    ];
    for (const [index, [monthly, annual, agent, overage]] of prices.entries()) {
      await db().plan.create({
        data: {
          name: `Raw ${suffix} ${index}`, slug: `raw-${suffix}-${index}`, currency: index === 0 ? 'IDR' : 'USD',
          basePriceMonthly: new Prisma.Decimal(monthly!), basePriceAnnual: new Prisma.Decimal(annual!), perAgentPrice: new Prisma.Decimal(agent!), overageMessagePrice: new Prisma.Decimal(overage!),
          limits: { max_agents: 3, max_contacts: null }, features: { ai_agent: true }, isActive: index === 0, sortOrder: -1,
        },
      });
    }
    const expected = (await db().plan.findMany({ orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] })).map(planToDto);
    const listed = await listPlans();
    expect(listed).toEqual(expected);
    expect(JSON.stringify(listed)).toBe(JSON.stringify(expected));
    expect(listed.find((plan) => plan.slug === `raw-${suffix}-0`)).toMatchObject({ base_price_monthly: 0.0001, base_price_annual: 12.3456, per_agent_price: 99999999999999.9999 });
  });
});
