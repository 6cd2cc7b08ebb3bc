import { Prisma } from '@/lib/generated/prisma/client';
import { isUuid } from '@/lib/http/parse';
import type { TScalarRead } from './scalar-read';

/**
 * Versions of rows for entity tags (lib/http/conditional-get.ts), read without reading the rows.
 *
 * A row's version is PostgreSQL's `xmin`: the id of the transaction that wrote this version of it.
 * Every UPDATE writes a new row version with a new xmin (a no-op update too; a row lock does not),
 * and a transaction id is never reused within 2³¹ transactions, so a version never comes back:
 * an answer read after a change can never carry the tag of the state before it. An INSERT adds a
 * row, a DELETE removes one, and both change the set. One index or sequential scan of a small
 * table, or one primary-key lookup: no row decoding, no Decimal, no JSON.
 *
 * Each version is a scalar read (lib/db/scalar-read.ts): adminRoute reads it in an API key's
 * admission statement, or alone.
 */

/** Tables whose rows are the whole body of their list and detail answers. */
export type TVersionedTable = 'plans' | 'addons' | 'coupons';

const TABLES: Record<TVersionedTable, Prisma.Sql> = { plans: Prisma.raw('plans'), addons: Prisma.raw('addons'), coupons: Prisma.raw('coupons') };

/**
 * Every row of the table: how many, and a hash of each one's id and version. `extra`: a text
 * expression over the row appended to its version, for what the body derives from more than the row
 * (a coupon's status from the time: lib/billing/coupons/coupon-versions.ts).
 */
export function tableVersionSql(table: TVersionedTable, extra: Prisma.Sql = Prisma.empty): TScalarRead {
  return Prisma.sql`(SELECT count(*)::text || ':' || coalesce(md5(string_agg(id::text || '.' || xmin::text ${extra}, ',' ORDER BY id)), '')
    FROM ${TABLES[table]})`;
}

/** One row's version (NULL when there is none), or null without a read for a malformed id: the handler then answers its own 404. */
export function rowVersionSql(table: TVersionedTable, id: string | undefined, extra: Prisma.Sql = Prisma.empty): TScalarRead | null {
  if (!id || !isUuid(id)) return null;
  return Prisma.sql`(SELECT xmin::text ${extra} FROM ${TABLES[table]} WHERE id = ${id}::uuid)`;
}
