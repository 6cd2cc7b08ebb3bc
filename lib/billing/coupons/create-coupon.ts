import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict, validationFailed } from '@/lib/errors';
import { decimalFromJsonNumber } from '@/lib/money';
import { couponToDto } from './coupon-dto';
import { couponCurrency, windowIssues } from './coupon-rules';
import { resolveApplicablePlans } from './resolve-applicable-plans';
import type { TCoupon, TCreateCouponInput } from './schemas';

/** Creates a coupon: active, unused, valid from now unless told otherwise (SPEC §5). */
export async function createCoupon(input: TCreateCouponInput, actor: TActor, requestId?: string): Promise<TCoupon> {
  const validFrom = input.valid_from ? new Date(input.valid_from) : now();
  const validUntil = input.valid_until ? new Date(input.valid_until) : null;
  const badWindow = windowIssues(validFrom, validUntil);
  if (badWindow.length) throw validationFailed(badWindow);

  try {
    return await db().$transaction(async (tx) => {
      const coupon = await tx.coupon.create({
        data: {
          code: input.code,
          discountType: input.discount_type,
          discountValue: decimalFromJsonNumber(input.discount_value).toString(),
          currency: couponCurrency(input.discount_type, input.currency),
          duration: input.duration,
          durationInCycles: input.duration_in_cycles ?? null,
          maxUses: input.max_uses ?? null,
          validFrom,
          validUntil,
          applicablePlans: await resolveApplicablePlans(tx, input.applicable_plans),
        },
      });
      const dto = couponToDto(coupon);
      await recordAudit(tx, actor, { action: 'coupon.created', entityType: 'coupon', entityId: coupon.id, after: dto, requestId });
      return dto;
    });
  } catch (error) {
    // The code is stored uppercase, so the unique index compares codes ignoring case.
    if (isUniqueViolation(error, 'code')) throw codeTaken(input.code);
    throw error;
  }
}

export const codeTaken = (code: string) =>
  conflict('code_taken', `The code "${code}" is already used by another coupon (codes are compared ignoring case).`, undefined, [
    { path: 'code', message: 'This code is already taken.' },
  ]);
