import { randomUUID } from 'node:crypto';
import { auditInsertSql, jsonbValue } from '@/lib/audit/audit-insert-sql';
import type { TActor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { answerInTransactionSql } from '@/lib/http/idempotency';
import { organizationToDto } from './organization-dto';
import type { TCreateOrganizationInput, TOrganization } from './schemas';

export function slugTaken(slug: string) {
  return conflict('slug_taken', `Another organization already has the slug "${slug}".`, undefined, [{ path: 'slug', message: 'Already taken.' }]);
}

/**
 * POST /organizations (SPEC §10): a tenant; its slug is unique (409 slug_taken). The row and its
 * audit entry are written by one statement (auditInsertSql): both or neither, one round trip.
 */
export async function createOrganization(input: TCreateOrganizationInput, actor: TActor, requestId?: string): Promise<TOrganization> {
  const at = now();
  const organization = organizationToDto({ id: randomUUID(), name: input.name, slug: input.slug, billingEmail: input.billing_email, country: input.country, taxId: input.tax_id ?? null, createdAt: at, updatedAt: at });
  // The request's answer, stored for its Idempotency-Key by the same statement (answerInTransactionSql).
  const answered = answerInTransactionSql(organization, 201);
  try {
    await db().$executeRaw`
      WITH ${answered ? Prisma.sql`answered AS (${answered}), ` : Prisma.empty}organization AS (
        INSERT INTO organizations (id, name, slug, billing_email, country, tax_id, created_at, updated_at)
        VALUES (${organization.id}::uuid, ${organization.name}::text, ${organization.slug}::text, ${organization.billing_email}::text,
                ${organization.country}::text, ${organization.tax_id}::text, ${at}::timestamptz, ${at}::timestamptz)
        RETURNING id
      )
      ${auditInsertSql(actor, { action: 'organization.created', entityType: 'organization', entityId: organization.id, requestId, before: Prisma.sql`NULL::jsonb`, after: jsonbValue(organization) }, Prisma.sql`organization`)}`;
    return organization;
  } catch (error) {
    if (isUniqueViolation(error, 'slug')) throw slugTaken(input.slug);
    throw error;
  }
}
