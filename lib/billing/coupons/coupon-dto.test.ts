import { describe, expect, it } from 'vitest';
import type { Coupon } from '@/lib/generated/prisma/client';
import { Decimal } from '@/lib/money';
import { couponToDto } from './coupon-dto';

const row: Coupon = {
  id: 'c1', code: 'HEMAT', discountType: 'fixed', discountValue: new Decimal('50000.5') as unknown as Coupon['discountValue'], currency: 'IDR',
  duration: 'repeating', durationInCycles: 3, maxUses: 10, currentUses: 2,
  validFrom: new Date('2026-01-01T00:00:00.000Z'), validUntil: new Date('2026-06-30T23:59:59.999Z'),
  applicablePlans: ['p1', 'p2'], isActive: true, createdAt: new Date('2025-12-01T10:00:00.000Z'), updatedAt: new Date('2025-12-02T10:00:00.000Z'),
};

describe('couponToDto', () => {
  it('shows a coupon row with the seed field names, its value as a JSON number and times as ISO strings', () => {
    expect(couponToDto(row, new Date('2026-03-01T00:00:00Z'))).toEqual({
      id: 'c1', code: 'HEMAT', discount_type: 'fixed', discount_value: 50000.5, currency: 'IDR',
      duration: 'repeating', duration_in_cycles: 3, max_uses: 10, current_uses: 2,
      valid_from: '2026-01-01T00:00:00.000Z', valid_until: '2026-06-30T23:59:59.999Z',
      applicable_plans: ['p1', 'p2'], is_active: true, created_at: '2025-12-01T10:00:00.000Z', status: 'active',
    });
  });

  it('a coupon without an end date shows valid_until null; its status is judged at the moment given', () => {
    const open = couponToDto({ ...row, validUntil: null }, new Date('2025-12-31T23:59:59.999Z'));
    expect(open.valid_until).toBeNull();
    expect(open.status).toBe('scheduled');
    expect(couponToDto(row, new Date('2026-07-01T00:00:00Z')).status).toBe('expired');
  });
});
