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
 * A jsonb object of numbers, booleans and nulls under identifier keys (a plan's limits and
 * features: ZPlanLimits, ZPlanFeatures) as JSON.stringify spells the object JSON.parse made of its
 * text: jsonb's own text with the spaces after its separators dropped (`{"a": 1, "b": null}` →
 * `{"a":1,"b":null}`), keys in jsonb's order, scalars in its spelling (JSON.stringify spells integers,
 * booleans and null alike). Only for such objects: a string value containing ", " or ": " would
 * lose its space. A third of the cost of rebuilding the object with jsonb_each.
 */
export const jsonFlatObject = (column: Prisma.Sql) => Prisma.sql`replace(replace(${column}::text, ': ', ':'), ', ', ',')`;

/**
 * A JSON object of `fields` (name → SQL of the value's JSON text, never NULL) in that order, as
 * JSON.stringify spells an object: one format() call, which costs PostgreSQL a third of the
 * equivalent chain of || concatenations. Names are plain identifiers (no escaping needed).
 */
export function jsonObject(fields: [name: string, json: Prisma.Sql][]): Prisma.Sql {
  const template = `{${fields.map(([name]) => `"${name}":%s`).join(',')}}`;
  return Prisma.sql`format(${Prisma.raw(`'${template}'`)}, ${Prisma.join(fields.map(([, json]) => json))})`;
}
