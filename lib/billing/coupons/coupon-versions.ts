import { now } from '@/lib/clock';
import { Prisma } from '@/lib/generated/prisma/client';
import { rowVersion, tableVersion } from '@/lib/db/row-versions';

/**
 * Versions of the coupon list and of one coupon, for their entity tags. A coupon's answer derives
 * its `status` from the time as well as from its row (couponStatus: expired after valid_until,
 * scheduled before valid_from), so each row's version carries which side of both bounds `now` is on:
 * the tag changes the moment a status would. current_uses is in the row (a redemption updates it).
 */
const timeSide = (at: Date) => Prisma.sql`|| '.' || (valid_until IS NOT NULL AND ${at}::timestamptz > valid_until)::text || (${at}::timestamptz < valid_from)::text`;

export const readCouponsVersion = (): Promise<string> => tableVersion('coupons', timeSide(now()));

export const readCouponVersion = (id: string | undefined): Promise<string | null> => rowVersion('coupons', id, timeSide(now()));
