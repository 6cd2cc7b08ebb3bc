import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { db } from '@/lib/db';
import { conflict, notFound, validationFailed } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { decimalFromJsonNumber } from '@/lib/money';
import { codeTaken } from './create-coupon';
import { couponToDto } from './coupon-dto';
import { couponCurrency, discountIssues, windowIssues } from './coupon-rules';
import { resolveApplicablePlans } from './resolve-applicable-plans';
import type { TCoupon, TUpdateCouponInput } from './schemas';

/** Fields that say what a redemption was worth: frozen once the coupon has been used (SPEC §5). */
const DISCOUNT_FIELDS = ['code', 'discount_type', 'discount_value', 'currency'] as const;

/**
 * Applies a partial update (PATCH; PUT is an alias) and judges the merged result.
 * - A used coupon's discount fields are frozen so past invoices stay explainable: sending a
 *   different value is 409 coupon_in_use; resending the current value is accepted (PUT clients).
 * - max_uses below current_uses is 409 max_uses_below_current_uses: it conflicts with the
 *   coupon's current state, not with the body's shape (SPEC §3.1). Equal is allowed (exhausted).
 */
export async function updateCoupon(rawId: string, input: TUpdateCouponInput, actor: TActor, requestId?: string): Promise<TCoupon> {
  const id = parseId(rawId, 'coupon');
  try {
    return await db().$transaction(async (tx) => {
      // Row lock: a concurrent redemption (a conditional UPDATE of this row) waits for this update,
      // so current_uses cannot change between the checks below and the write.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM coupons WHERE id = ${id}::uuid FOR UPDATE`;
      const current = locked.length ? await tx.coupon.findUnique({ where: { id } }) : null;
      if (!current) throw notFound('coupon');
      const before = couponToDto(current);

      const type = input.discount_type ?? before.discount_type;
      const typeChanged = type !== before.discount_type;
      const value = input.discount_value ?? before.discount_value;
      // A type change without a currency takes the new type's default (fixed: IDR, percentage: none).
      const sentCurrency = input.currency !== undefined ? input.currency : typeChanged ? undefined : before.currency;
      const currency = couponCurrency(type, sentCurrency);
      const after = { code: input.code ?? before.code, discount_type: type, discount_value: value, currency };

      const changed = DISCOUNT_FIELDS.filter((field) => after[field] !== before[field]);
      if (current.currentUses > 0 && changed.length) {
        throw conflict(
          'coupon_in_use',
          `This coupon has been used ${current.currentUses} time(s): its code and discount can no longer change, so past invoices stay explainable. Create a new coupon instead.`,
          { current_uses: current.currentUses },
          changed.map((path) => ({ path, message: 'Locked: the coupon has been used.' })),
        );
      }
      if (input.max_uses !== undefined && input.max_uses !== null && input.max_uses < current.currentUses) {
        throw conflict(
          'max_uses_below_current_uses',
          `This coupon has been used ${current.currentUses} time(s); max_uses cannot be lower.`,
          { current_uses: current.currentUses },
          [{ path: 'max_uses', message: `At least ${current.currentUses} (the uses so far), or null for unlimited.` }],
        );
      }
      const validFrom = input.valid_from ? new Date(input.valid_from) : current.validFrom;
      const validUntil = input.valid_until !== undefined ? (input.valid_until ? new Date(input.valid_until) : null) : current.validUntil;
      const issues = [...discountIssues(type, value, sentCurrency), ...windowIssues(validFrom, validUntil)];
      if (issues.length) throw validationFailed(issues);

      const updated = await tx.coupon.update({
        where: { id },
        data: {
          code: input.code,
          discountType: type,
          discountValue: input.discount_value === undefined ? undefined : decimalFromJsonNumber(input.discount_value).toString(),
          currency,
          isActive: input.is_active,
          maxUses: input.max_uses,
          validFrom,
          validUntil,
          applicablePlans: input.applicable_plans === undefined ? undefined : await resolveApplicablePlans(tx, input.applicable_plans),
        },
      });
      const dto = couponToDto(updated);
      await recordAudit(tx, actor, { action: 'coupon.updated', entityType: 'coupon', entityId: id, before, after: dto, requestId });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'code') && input.code) throw codeTaken(input.code);
    throw error;
  }
}
