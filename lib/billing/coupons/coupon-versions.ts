import { now } from '@/lib/clock';
import { Prisma } from '@/lib/generated/prisma/client';
import { rowVersionSql, tableVersionSql } from '@/lib/db/row-versions';
import type { TScalarRead } from '@/lib/db/scalar-read';

/**
 * Versions of the coupon list and of one coupon, for their entity tags. A coupon's answer derives
 * its `status` from the time as well as from its row (couponStatus: expired after valid_until,
 * scheduled before valid_from), so each row's version carries which side of both bounds `now` is on:
 * the tag changes the moment a status would. current_uses is in the row (a redemption updates it).
 */
const timeSide = (at: Date) => Prisma.sql`|| '.' || (valid_until IS NOT NULL AND ${at}::timestamptz > valid_until)::text || (${at}::timestamptz < valid_from)::text`;

export const couponsVersionSql = (): TScalarRead => tableVersionSql('coupons', timeSide(now()));

export const couponVersionSql = (id: string | undefined): TScalarRead | null => rowVersionSql('coupons', id, timeSide(now()));
