import { describe, expect, it } from 'vitest';
import type { Plan } from '@/lib/generated/prisma/client';
import { Decimal } from '@/lib/money';
import { planToDto } from './plan-dto';

const dec = (value: string) => new Decimal(value) as unknown as Plan['basePriceMonthly'];

describe('planToDto', () => {
  it('shows a plan row with the seed field names, every price as a JSON number in major units, limits and features as stored', () => {
    const row: Plan = {
      id: 'p1', name: 'Growth', slug: 'growth', currency: 'IDR',
      basePriceMonthly: dec('499000'), basePriceAnnual: dec('4990000'), perAgentPrice: dec('99000'), overageMessagePrice: dec('150.5'),
      limits: { max_agents: 10, max_messages_month: 5000 }, features: { api_access: true }, isActive: true, sortOrder: 2,
      createdAt: new Date('2026-01-02T03:04:05.006Z'), updatedAt: new Date('2026-02-03T04:05:06.007Z'),
    };
    expect(planToDto(row)).toEqual({
      id: 'p1', name: 'Growth', slug: 'growth', currency: 'IDR',
      base_price_monthly: 499000, base_price_annual: 4990000, per_agent_price: 99000, overage_message_price: 150.5,
      limits: { max_agents: 10, max_messages_month: 5000 }, features: { api_access: true }, is_active: true, sort_order: 2,
      created_at: '2026-01-02T03:04:05.006Z', updated_at: '2026-02-03T04:05:06.007Z',
    });
  });
});
