import { auditActorColumns, auditEntriesSql, type AuditInput } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import type { Db, Tx } from '@/lib/db';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { conflict } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { InvoiceKind } from '@/lib/generated/prisma/enums';
import type { TComputedInvoice } from './compute-invoice';

/** An invoice ready to be written: everything but its number, which only the insert may take. */
export interface TInvoiceDraft {
  /** Chosen by the caller (randomUUID) so lines and coupon records can point at it. */
  id: string;
  kind: InvoiceKind;
  organizationId: string;
  subscriptionId: string;
  planId: string;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  computed: TComputedInvoice;
  /** The coupon that discounted it (only when the discount is above zero). */
  couponId: string | null;
  issuedAt: Date;
  dueAt: Date;
  /** Added to the audit entry's `after`. */
  audit?: Record<string, unknown>;
}

/**
 * Writes invoices inside the caller's transaction, exactly once per (subscription, kind, period),
 * in ONE statement that callers run as their transaction's last (so the month's counter row is
 * locked only for this statement and the commit — every issuer of the month waits on it):
 *
 * - Numbers `INV-YYYYMM-NNNNNN` come from one counter row per month of issue, advanced by the
 *   number of invoices in one upsert (invoice_number_counters). The row stays locked until the
 *   transaction ends, so concurrent issuers take their numbers one after the other, and a
 *   transaction that rolls back gives its numbers back: unique and gap-free per month.
 * - The insert is ON CONFLICT DO NOTHING against the partial unique index on (subscription_id,
 *   kind, period_start) of invoices that are not void: a period invoiced meanwhile (another run,
 *   another instance) is never invoiced twice. Any skipped row throws 409 period_already_invoiced,
 *   which rolls the whole transaction back — numbers included — so no number is ever lost.
 * - Lines and the `invoice.issued` audit entries (with the number) are written by the same
 *   statement, for the invoices it inserted.
 * - `audits`: the caller's own audit entries (the subscription created or changed with the
 *   invoice), written by the same statement too: one round trip fewer for the caller. A skipped
 *   invoice throws, so they never outlive the transaction's rollback.
 */
export async function insertInvoices(
  tx: Tx | Db,
  drafts: readonly TInvoiceDraft[],
  actor: TActor | 'system',
  audits: readonly AuditInput[] = [],
  /**
   * The caller's own writes that go with the invoices (the subscription created or changed):
   * data-modifying statements, each with a RETURNING clause, run as CTEs of the same statement, so
   * they commit with the invoices or not at all, without a round trip of their own. They are run
   * to completion before the month's counter is taken (the invoices' rows wait for them), so the
   * counter stays the statement's last lock, as it is every other issuer's: a write that waits
   * (the one-live-subscription index) never waits while holding it.
   */
  writes: readonly Prisma.Sql[] = [],
  /**
   * A condition on `writes` (an UPDATE guarded by the version its caller read: actOnSubscription)
   * without which nothing at all is written — no invoice, number, line or audit entry — for a
   * caller that runs this statement alone, outside a transaction. Its invoices are then inserted
   * without ON CONFLICT: a period already invoiced fails the whole statement (409, nothing
   * written) rather than leaving the caller's writes without their invoice. An empty map when the
   * condition did not hold.
   */
  onlyIf?: Prisma.Sql,
): Promise<Map<string, string>> {
  if (drafts.length === 0) return new Map();
  const column = <T>(pick: (draft: TInvoiceDraft) => T) => drafts.map(pick);
  const iso = (date: Date) => date.toISOString();
  const lines = drafts.flatMap((draft) => draft.computed.lines.map((line, position) => ({ invoiceId: draft.id, position, line })));
  const by = auditActorColumns(actor);
  const audit = (draft: TInvoiceDraft) => JSON.stringify({ kind: draft.kind, total: draft.computed.total.toNumber(), discount_total: draft.computed.discountTotal.toNumber(), ...draft.audit });
  // Set-based: one statement for every table whatever the batch's size (arrays unnested). The
  // counters are taken in month order; within a month, numbers follow the drafts' order.
  const names = writes.map((_, index) => `write_${index}`);
  const conditions = [
    ...(writes.length ? [Prisma.raw(`${names.map((name) => `(SELECT count(*) FROM ${name})`).join(' + ')} >= 0`)] : []),
    ...(onlyIf ? [onlyIf] : []),
  ];
  const written = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const numbered = await tx.$queryRaw<{ id: string; number: string }[]>`
    WITH ${writes.length ? Prisma.join(writes.map((write, index) => Prisma.sql`${Prisma.raw(names[index]!)} AS (${write}),`), ' ') : Prisma.empty} v AS (
      SELECT * FROM unnest(${column((d) => d.id)}::uuid[], ${column((d) => monthOf(d.issuedAt))}::text[], ${column((d) => d.kind)}::text[],
                  ${column((d) => d.organizationId)}::uuid[], ${column((d) => d.subscriptionId)}::uuid[], ${column((d) => d.planId)}::uuid[], ${column((d) => d.currency)}::text[],
                  ${column((d) => iso(d.periodStart))}::timestamptz[], ${column((d) => iso(d.periodEnd))}::timestamptz[],
                  ${column((d) => d.computed.subtotal.toString())}::numeric[], ${column((d) => d.computed.discountTotal.toString())}::numeric[],
                  ${column((d) => d.computed.taxRate.toString())}::numeric[], ${column((d) => d.computed.taxTotal.toString())}::numeric[], ${column((d) => d.computed.total.toString())}::numeric[],
                  ${column((d) => d.couponId)}::uuid[], ${column((d) => iso(d.issuedAt))}::timestamptz[], ${column((d) => iso(d.dueAt))}::timestamptz[],
                  ${column(audit)}::jsonb[]) WITH ORDINALITY
           AS v(id, month, kind, organization_id, subscription_id, plan_id, currency, period_start, period_end,
                subtotal, discount_total, tax_rate, tax_total, total, coupon_id, issued_at, due_at, audit, ord)
      ${written}
    ), counters AS (
      INSERT INTO invoice_number_counters (month, last_number)
      SELECT month, count(*)::int FROM v GROUP BY month ORDER BY month
      ON CONFLICT (month) DO UPDATE SET last_number = invoice_number_counters.last_number + EXCLUDED.last_number
      RETURNING month, last_number
    ), numbered AS (
      SELECT v.*, c.last_number - count(*) OVER (PARTITION BY v.month) + row_number() OVER (PARTITION BY v.month ORDER BY v.ord) AS n
        FROM v JOIN counters c ON c.month = v.month
    ), inserted AS (
      INSERT INTO invoices (id, number, kind, status, organization_id, subscription_id, plan_id, currency, period_start, period_end,
                            subtotal, discount_total, tax_rate, tax_total, total, coupon_id, issued_at, due_at, created_at, updated_at)
      SELECT id, 'INV-' || month || '-' || lpad(n::text, greatest(6, length(n::text)), '0'), kind::"InvoiceKind", 'open', organization_id, subscription_id, plan_id, currency,
             period_start, period_end, subtotal, discount_total, tax_rate, tax_total, total, coupon_id, issued_at, due_at, issued_at, issued_at
        FROM numbered ORDER BY ord
      ${onlyIf ? Prisma.empty : Prisma.sql`ON CONFLICT DO NOTHING`}
      RETURNING id, number
    ), written_lines AS (
      INSERT INTO invoice_lines (id, invoice_id, position, kind, description, quantity, unit_amount, amount, addon_id)
      SELECT gen_random_uuid(), l.invoice_id, l.position, l.kind::"InvoiceLineKind", l.description, l.quantity, l.unit_amount, l.amount, l.addon_id
        FROM unnest(${lines.map((l) => l.invoiceId)}::uuid[], ${lines.map((l) => l.position)}::int[], ${lines.map((l) => l.line.kind)}::text[],
                    ${lines.map((l) => l.line.description)}::text[], ${lines.map((l) => l.line.quantity)}::int[],
                    ${lines.map((l) => l.line.unitAmount.toString())}::numeric[], ${lines.map((l) => l.line.amount.toString())}::numeric[],
                    ${lines.map((l) => l.line.addonId ?? null)}::uuid[])
             AS l(invoice_id, position, kind, description, quantity, unit_amount, amount, addon_id)
        JOIN inserted i ON i.id = l.invoice_id
    ), audited AS (
      INSERT INTO audit_log (id, actor_type, actor_user_id, actor_api_key_id, actor_label, action, entity_type, entity_id, before, after, request_id)
      SELECT gen_random_uuid(), ${by.actorType}::"ActorType", ${by.actorUserId}::uuid, ${by.actorApiKeyId}::uuid, ${by.actorLabel}::text,
             'invoice.issued', 'invoice', i.id::text, NULL, n.audit || jsonb_build_object('number', i.number), NULL
        FROM inserted i JOIN numbered n ON n.id = i.id
    ), audited_too AS (${auditEntriesSql(actor, audits)} ${onlyIf ? Prisma.sql`WHERE ${onlyIf}` : Prisma.empty}
    )
    SELECT id::text AS id, number FROM inserted`.catch((error: unknown) => {
    if (onlyIf && isUniqueViolation(error, 'period')) throw alreadyInvoiced(drafts, 0);
    throw error;
  });
  if (onlyIf && numbered.length === 0) return new Map();
  if (numbered.length !== drafts.length) throw alreadyInvoiced(drafts, numbered.length);
  return new Map(numbered.map((row) => [row.id, row.number]));
}

function alreadyInvoiced(drafts: readonly TInvoiceDraft[], inserted: number) {
  const subject = drafts.length === 1 ? `This ${drafts[0]!.kind} period is` : `${drafts.length - inserted} of these periods are`;
  return conflict('period_already_invoiced', `${subject} already invoiced.`);
}

/** An `onlyIf` for insertInvoices: its first write (`writes[0]`) returned a row. */
export const FIRST_WRITE_RETURNED = Prisma.sql`EXISTS (SELECT 1 FROM write_0)`;

const monthOf = (issuedAt: Date) => issuedAt.toISOString().slice(0, 7).replace('-', '');
