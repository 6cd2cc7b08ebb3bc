import { couponApplies } from '@/lib/billing/invoices/coupon-applies';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import type { Db, Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { BillingError, conflict, notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';

export interface TRedeemCouponInput {
  couponId: string;
  planId: string;
  /** The subscription's currency: a fixed coupon applies only in its own. */
  currency: string;
  /** The moment judged against the validity window (when it is applied). */
  at: Date;
  organizationId: string;
  /** The subscription it is applied to (absent only for a redemption outside any subscription, e.g. a test). */
  subscriptionId?: string;
}

export interface TCouponRedemptionResult {
  redemptionId: string;
  currentUses: number;
}

/**
 * Uses a coupon once, inside the caller's transaction: the coupon applied to a subscription (SPEC
 * §10: `max_uses` 100 means 100 subscriptions; the invoices it then discounts use nothing).
 * claimRedemption then countCouponUse; callers with more writes in the same transaction call the
 * two themselves and count last, so the coupon row stays locked only until their commit.
 */
export async function redeemCoupon(tx: Tx, input: TRedeemCouponInput): Promise<TCouponRedemptionResult> {
  const redemptionId = await claimRedemption(tx, input);
  const currentUses = await countCouponUse(tx, input);
  return { redemptionId, currentUses };
}

/**
 * An organization redeems a coupon once, ever: the UNIQUE (coupon_id, organization_id) index on
 * coupon_redemptions decides between concurrent applications and repeats alike (the loser's
 * transaction rolls back with 409 coupon_already_redeemed). Takes no lock on the coupon.
 */
export async function claimRedemption(tx: Tx, input: TRedeemCouponInput, known?: { code: string }): Promise<string> {
  const couponId = parseId(input.couponId, 'coupon');
  // The caller that read the coupon already passes it (`known`): one read fewer.
  const coupon = known ?? (await tx.coupon.findUnique({ where: { id: couponId }, select: { code: true } }));
  if (!coupon) throw notFound('coupon');
  // No read of an earlier redemption first: the unique index on (coupon, organization) refuses it
  // below, and either way the caller's transaction rolls back with the 409.
  try {
    const [redemption] = await tx.$queryRaw<{ id: string }[]>(redemptionInsertSql(input, Prisma.sql`(SELECT 1) AS one`));
    return redemption!.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyRedeemed(coupon.code, couponId);
    throw error;
  }
}

/**
 * Counts the use, race-free by construction: one conditional UPDATE whose WHERE carries every
 * precondition of couponApplies, including `current_uses < max_uses`. PostgreSQL takes the row
 * lock and, under READ COMMITTED, re-checks the WHERE against the latest committed row after
 * waiting for a concurrent redeemer, so N parallel redemptions of a coupon with k uses left succeed
 * exactly k times. The CHECK constraint current_uses <= max_uses is a backstop, not the mechanism.
 * When nothing is updated the coupon does not apply (409 with the reason) and the caller's
 * transaction, its redemption row included, rolls back. Returns the new current_uses.
 */
export async function countCouponUse(tx: Tx, input: TRedeemCouponInput): Promise<number> {
  const updated = await tx.$queryRaw<{ current_uses: number }[]>(countCouponUseSql(input));
  if (updated.length === 0) throw await notApplicable(tx, input);
  return updated[0]!.current_uses;
}

/**
 * countCouponUse's conditional UPDATE as SQL (RETURNING current_uses), for a caller that counts
 * the use in a statement with its own writes; with `onlyIf`, it counts only when that holds too.
 */
export function countCouponUseSql(input: TRedeemCouponInput, onlyIf?: Prisma.Sql): Prisma.Sql {
  const couponId = parseId(input.couponId, 'coupon');
  return Prisma.sql`
    UPDATE coupons
       SET current_uses = current_uses + 1, updated_at = ${input.at}::timestamptz
     WHERE id = ${couponId}::uuid
       AND is_active
       AND valid_from <= ${input.at}::timestamptz
       AND (valid_until IS NULL OR valid_until >= ${input.at}::timestamptz)
       AND (max_uses IS NULL OR current_uses < max_uses)
       AND (cardinality(applicable_plans) = 0 OR ${input.planId.toLowerCase()}::uuid = ANY (applicable_plans))
       AND (discount_type = 'percentage' OR currency = ${input.currency})
       ${onlyIf ? Prisma.sql`AND ${onlyIf}` : Prisma.empty}
    RETURNING current_uses`;
}

/**
 * claimRedemption's row as an INSERT … SELECT FROM `from` (one row for the use counted), for the
 * same callers: the unique (coupon, organization) index fails the whole statement when the
 * organization redeemed the coupon before (alreadyRedeemed).
 */
export function redemptionInsertSql(input: TRedeemCouponInput, from: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO coupon_redemptions (id, coupon_id, organization_id, subscription_id, currency, redeemed_at)
    SELECT gen_random_uuid(), ${parseId(input.couponId, 'coupon')}::uuid, ${input.organizationId}::uuid, ${input.subscriptionId ?? null}::uuid, ${input.currency}::text, ${input.at}::timestamptz
      FROM ${from}
    RETURNING id::text AS id`;
}

export function alreadyRedeemed(code: string, couponId: string): BillingError {
  return conflict('coupon_already_redeemed', `This organization has already redeemed coupon ${code}; a coupon is redeemed once per organization.`, { coupon_id: couponId });
}

/**
 * Why a use was not counted: the coupon as it is now, judged. `changed_concurrently` when it
 * applies now — it changed between the UPDATE and this read (another transaction); the use still
 * was not counted, so it is reported as not applicable either way.
 */
export async function notApplicable(tx: Tx | Db, input: TRedeemCouponInput): Promise<BillingError> {
  const coupon = await tx.coupon.findUnique({ where: { id: parseId(input.couponId, 'coupon') } });
  if (!coupon) return notFound('coupon');
  const verdict = couponApplies(coupon, { planId: input.planId.toLowerCase(), currency: input.currency, at: input.at });
  const reason = verdict.ok ? 'changed_concurrently' : verdict.reason;
  return new BillingError(409, 'coupon_not_applicable', `Coupon ${coupon.code} does not apply: ${REASONS[reason]}`, {
    extra: { reason, coupon_id: coupon.id },
  });
}

const REASONS = {
  inactive: 'it is deactivated.',
  expired: 'its validity has ended.',
  exhausted: 'it has reached its maximum number of uses.',
  not_yet_valid: 'its validity has not started yet.',
  plan_not_eligible: 'it does not apply to this plan.',
  currency_mismatch: 'it is a fixed discount in another currency.',
  changed_concurrently: 'it changed while being redeemed; try again.',
} as const;
