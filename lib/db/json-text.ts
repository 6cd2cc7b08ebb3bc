import { Prisma } from '@/lib/generated/prisma/client';

/**
 * SQL that spells values exactly as JSON.stringify spells them in our DTOs, for JSON built by
 * PostgreSQL and passed through by Node as text (GET /plans, a page of invoices): the same bytes as
 * the DTO path, so clients see no difference (list-plans.int.test.ts, list-invoices-raw.int.test.ts).
 */

/** A text column as a JSON string: to_json escapes as JSON.stringify does (\", \\, \b \f \n \r \t, other controls as \u00xx). */
export const jsonString = (column: Prisma.Sql) => Prisma.sql`to_json(${column})::text`;

/**
 * A numeric(18,4) money column as the JSON number moneyTextToJson(text) gives: the nearest double,
 * spelled shortest. PostgreSQL's float8 output is that spelling (shortest round-trip digits, since
 * PostgreSQL 12 with the default extra_float_digits = 1), in positional notation for every value
 * numeric(18,4) can hold (exponents -4 to 13; it switches to exponents below 1e-4 and from 1e15, and
 * JSON.stringify outside 1e-6…1e21). The conversion is correctly rounded on both sides.
 */
export const jsonMoney = (column: Prisma.Sql) => Prisma.sql`(${column})::float8::text`;

/** A timestamptz as Date.toISOString() spells it (UTC, milliseconds, `Z`); `null` for NULL. */
export const jsonTimestamp = (column: Prisma.Sql) =>
  Prisma.sql`coalesce('"' || to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')`;

/**
 * A jsonb object of scalars (a plan's limits and features) as JSON.stringify spells the object
 * JSON.parse made of its text: the keys in jsonb's order, no spaces, each scalar in jsonb's own
 * spelling (integers, null, true, false; JSON.stringify spells those alike).
 */
export const jsonFlatObject = (column: Prisma.Sql) =>
  Prisma.sql`(SELECT '{' || coalesce(string_agg(to_json(entry.key)::text || ':' || entry.value::text, ',' ORDER BY entry.n), '') || '}'
              FROM jsonb_each(${column}) WITH ORDINALITY AS entry(key, value, n))`;
