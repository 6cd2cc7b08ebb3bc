import { db, type Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * A read of one text value, as SQL: a scalar subquery `(SELECT … )` whose one column is text or
 * NULL. adminRoute folds such reads into an API key's admission statement (the version behind an
 * entity tag, a list's JSON: lib/auth/api-keys/admit-api-key.ts), so that a request makes one
 * round trip; readScalar runs one alone (a session's request, a conditional GET that missed).
 */
export type TScalarRead = Prisma.Sql;

/** Runs one scalar read on its own: the value, or null. */
export async function readScalar(read: TScalarRead, client: Db = db()): Promise<string | null> {
  return (await readScalars([read], client))[0]!;
}

/** Runs scalar reads in one statement (one snapshot): their values, in order. */
export async function readScalars(reads: TScalarRead[], client: Db = db()): Promise<(string | null)[]> {
  const columns = reads.map((read, index) => Prisma.sql`${read} AS ${Prisma.raw(`value_${index}`)}`);
  const [row] = await client.$queryRaw<Record<string, string | null>[]>`SELECT ${Prisma.join(columns)}`;
  return reads.map((_, index) => row?.[`value_${index}`] ?? null);
}
