import { listed, type TInvariant } from './invariant';

/** A coupon's `current_uses` is the subscriptions that redeemed it, never over `max_uses`; a subscription holds only a coupon it redeemed. */
export const couponInvariants: TInvariant[] = [
  {
    name: 'coupon current_uses = redemptions ≤ max_uses',
    async check({ sql }) {
      const rows = await sql.$queryRaw<{ id: string; code: string; current_uses: number; redemptions: number; max_uses: number | null }[]>`
        SELECT c.id, c.code, c.current_uses, (SELECT count(*) FROM coupon_redemptions r WHERE r.coupon_id = c.id)::int AS redemptions, c.max_uses
        FROM coupons c ORDER BY c.code`;
      return listed(this.name, rows
        .filter((row) => row.current_uses !== row.redemptions || (row.max_uses !== null && row.redemptions > row.max_uses))
        .map((row) => `coupon ${row.code} (${row.id}): current_uses ${row.current_uses}, ${row.redemptions} redemptions, max_uses ${row.max_uses ?? 'unlimited'}`));
    },
  },
  {
    name: 'a subscription holds only a coupon its organization redeemed',
    async check({ sql }) {
      const rows = await sql.$queryRaw<{ id: string; code: string }[]>`
        SELECT s.id, c.code FROM subscriptions s JOIN coupons c ON c.id = s.coupon_id
        WHERE NOT EXISTS (SELECT 1 FROM coupon_redemptions r WHERE r.coupon_id = s.coupon_id AND r.organization_id = s.organization_id) ORDER BY s.id`;
      return listed(this.name, rows.map((row) => `subscription ${row.id} holds coupon ${row.code} without a redemption`));
    },
  },
];
