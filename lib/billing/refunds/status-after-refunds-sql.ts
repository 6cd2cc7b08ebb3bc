import { Prisma } from '@/lib/generated/prisma/client';

/**
 * An invoice's status once `refunded` of its `paid` amount is refunded or reserved, as SQL, so the
 * statement that moves amount_refunded sets the status from the same row version: nothing refunded
 * is `paid`, everything is `refunded`, anything between `partially_refunded`.
 */
export function statusAfterRefundsSql(refunded: Prisma.Sql, paid: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${refunded} = 0 THEN 'paid' WHEN ${refunded} >= ${paid} THEN 'refunded' ELSE 'partially_refunded' END)::"InvoiceStatus"`;
}
