import { describe, expect, it } from 'vitest';
import type { Addon } from '@/lib/generated/prisma/client';
import { Decimal } from '@/lib/money';
import { addonToDto } from './addon-dto';

const dec = (value: string) => new Decimal(value) as unknown as Addon['priceMonthly'];

describe('addonToDto', () => {
  it('shows an add-on row with the seed field names, prices as JSON numbers in major units and times as ISO strings', () => {
    const row: Addon = {
      id: 'a1', name: 'Extra numbers', slug: 'extra-numbers', description: null, currency: 'IDR',
      priceMonthly: dec('150000.0000'), priceAnnual: dec('1500000.5000'), unit: 'per_agent', isActive: false, sortOrder: 3,
      createdAt: new Date('2026-01-02T03:04:05.006Z'), updatedAt: new Date('2026-02-03T04:05:06.007Z'),
    };
    expect(addonToDto(row)).toEqual({
      id: 'a1', name: 'Extra numbers', slug: 'extra-numbers', description: null,
      price_monthly: 150000, price_annual: 1500000.5, unit: 'per_agent', is_active: false, sort_order: 3,
      created_at: '2026-01-02T03:04:05.006Z', updated_at: '2026-02-03T04:05:06.007Z',
    });
  });
});
