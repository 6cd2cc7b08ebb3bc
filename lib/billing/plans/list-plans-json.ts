import { Prisma } from '@/lib/generated/prisma/client';
import { jsonFlatObject, jsonMoney, jsonObject, jsonString, jsonTimestamp } from '@/lib/db/json-text';
import type { TScalarRead } from '@/lib/db/scalar-read';

const column = (name: string) => Prisma.raw(name);

/**
 * GET /plans' JSON body built by PostgreSQL, as a scalar read (lib/db/scalar-read.ts): the text of
 * JSON.stringify(await listPlans()), byte for byte (list-plans.int.test.ts), so the route passes it
 * through without a row decoded, a Decimal or a DTO in Node, and an API key's admission statement
 * reads it (adminRoute's `prefetch`): GET /plans is one round trip.
 */
export function listPlansJsonSql(): TScalarRead {
  const plan = jsonObject([
    ['id', jsonString(Prisma.sql`id::text`)],
    ['name', jsonString(column('name'))],
    ['slug', jsonString(column('slug'))],
    ['currency', jsonString(column('currency'))],
    ['base_price_monthly', jsonMoney(column('base_price_monthly'))],
    ['base_price_annual', jsonMoney(column('base_price_annual'))],
    ['per_agent_price', jsonMoney(column('per_agent_price'))],
    ['overage_message_price', jsonMoney(column('overage_message_price'))],
    ['limits', jsonFlatObject(column('limits'))],
    ['features', jsonFlatObject(column('features'))],
    ['is_active', Prisma.sql`is_active::text`],
    ['sort_order', Prisma.sql`sort_order::text`],
    ['created_at', jsonTimestamp(column('created_at'))],
    ['updated_at', jsonTimestamp(column('updated_at'))],
  ]);
  return Prisma.sql`(SELECT '[' || coalesce(string_agg(${plan}, ',' ORDER BY sort_order ASC, created_at ASC, id ASC), '') || ']' FROM plans)`;
}
