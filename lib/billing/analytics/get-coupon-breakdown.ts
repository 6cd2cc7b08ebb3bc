import { Prisma } from '@/lib/generated/prisma/client';
import { moneyToJson, type DecimalLike, type TCurrency } from '@/lib/money';
import { startOfDay } from './date-range';
import { instant } from './mrr-sql';
import { queryAnalytics } from './query-analytics';
import type { TAnalyticsQuery, TCouponBreakdown } from './schemas';

interface CouponRow {
  coupon_id: string;
  code: string;
  discount_type: 'percentage' | 'fixed';
  discount_value: DecimalLike;
  duration: 'once' | 'repeating' | 'forever';
  redemptions: number;
  redeemed_amount: DecimalLike;
  paid_discounts: DecimalLike;
}

/**
 * Per coupon used in [from, to) in the currency: redemptions (applications to a subscription, by
 * redemption date, SPEC §10), the discounts on its invoices issued in the range (paid or not, void
 * ones aside), and the discounts on its invoices paid in the range (by paid date, the overview's
 * `discounts` split by coupon). docs/METRICS.md explains why both. Coupons without any are left
 * out; the most redeemed come first.
 */
export async function getCouponBreakdown(query: TAnalyticsQuery): Promise<TCouponBreakdown> {
  const { currency, from, to } = query;
  const [tFrom, tTo] = [instant(startOfDay(from)), instant(startOfDay(to))];

  const rows = await queryAnalytics<CouponRow>(Prisma.sql`
    WITH redeemed AS (
      SELECT coupon_id, count(*)::int AS redemptions
        FROM coupon_redemptions
       WHERE currency = ${currency} AND redeemed_at >= ${tFrom} AND redeemed_at < ${tTo}
       GROUP BY coupon_id
    ),
    granted AS (
      SELECT coupon_id, sum(discount_total) AS redeemed_amount
        FROM invoices
       WHERE currency = ${currency} AND issued_at >= ${tFrom} AND issued_at < ${tTo} AND coupon_id IS NOT NULL AND status <> 'void'
       GROUP BY coupon_id
    ),
    paid AS (
      SELECT coupon_id, sum(discount_total) AS paid_discounts
        FROM invoices
       WHERE currency = ${currency} AND paid_at >= ${tFrom} AND paid_at < ${tTo} AND coupon_id IS NOT NULL
       GROUP BY coupon_id
    )
    SELECT c.id AS coupon_id, c.code, c.discount_type::text AS discount_type, c.discount_value, c.duration::text AS duration,
           COALESCE(r.redemptions, 0) AS redemptions,
           COALESCE(g.redeemed_amount, 0) AS redeemed_amount,
           COALESCE(p.paid_discounts, 0) AS paid_discounts
      FROM redeemed r
      FULL JOIN granted g USING (coupon_id)
      FULL JOIN paid p USING (coupon_id)
      JOIN coupons c ON c.id = coupon_id
     ORDER BY redemptions DESC, paid_discounts DESC, c.code`);

  return {
    currency: currency as TCurrency,
    from,
    to,
    coupons: rows.map((row) => ({
      coupon_id: row.coupon_id,
      code: row.code,
      discount_type: row.discount_type,
      discount_value: moneyToJson(row.discount_value),
      duration: row.duration,
      redemptions: row.redemptions,
      redeemed_amount: moneyToJson(row.redeemed_amount),
      paid_discounts: moneyToJson(row.paid_discounts),
    })),
  };
}
