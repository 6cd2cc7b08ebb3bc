import { randomUUID } from 'node:crypto';
import { auditInsertSql, moneyJsonb } from '@/lib/audit/audit-insert-sql';
import { actorColumns, type TActor } from '@/lib/auth/actor';
import { refundableAmount } from '@/lib/billing/invoices/invoice-dto';
import { db } from '@/lib/db';
import { type BillingError, conflict, notFound, unprocessable, validationFailed } from '@/lib/errors';
import { Prisma, type InvoiceStatus } from '@/lib/generated/prisma/client';
import { CURRENCIES, type Decimal, currencyDecimals, decimalFromJsonNumber, fitsCurrency, moneyToJson, toDecimal } from '@/lib/money';
import type { TRefundInput } from './schemas';
import { statusAfterRefundsSql } from './status-after-refunds-sql';

export interface TReservation {
  refundId: string;
  invoiceId: string;
  amount: Decimal;
  currency: string;
  reason: string;
  createdAt: Date;
  statusBefore: InvoiceStatus;
  refundedBefore: Decimal;
}

interface TReserveRow {
  currency: string;
  status: InvoiceStatus;
  amount_paid: Prisma.Decimal;
  amount_refunded: Prisma.Decimal;
  /** Null when the refund was refused: then nothing was written. */
  refund_amount: Prisma.Decimal | null;
  refund_created_at: Date | null;
}

/**
 * Step 1 of a refund (refund-invoice.ts): checks the invoice and reserves the amount — raises
 * amount_refunded, inserts the `pending` refund and its audit entry — in ONE statement, one
 * round trip and one commit.
 *
 * Race-freedom: `locked` takes the invoice's row lock (FOR UPDATE) before anything is decided, so
 * concurrent refunds of one invoice run one after another, each seeing the others' reservations,
 * and the values it returns are the row as this statement updates it: nobody else can change the
 * row until the commit (in READ COMMITTED a lock waits for a concurrent writer's commit, then
 * returns the newest version; the UPDATE then re-reads that same version). The UPDATE still
 * carries every precondition against the row it writes — so the totals never depend on that
 * argument: amount_refunded + amount ≤ amount_paid holds or nothing is written (and the CHECK
 * constraint backs it up). The refund and audit rows are inserted only from the UPDATE's RETURNING
 * row, so a refused refund writes nothing at all.
 *
 * The preconditions are the rules `refusal` explains, in SQL: when the statement refuses, `refusal`
 * names which rule failed, from the locked row's values — the same figures the decision saw.
 */
export async function reserveRefund(invoiceId: string, input: TRefundInput, actor: TActor, requestId?: string): Promise<TReservation> {
  const refundId = randomUUID();
  const asked = input.amount === undefined ? null : decimalFromJsonNumber(input.amount);
  // The currencies whose minor unit the amount fits (SPEC §6: IDR amounts are whole); null = any.
  const fitting = asked === null ? null : CURRENCIES.filter((currency) => fitsCurrency(asked, currency));
  const expected = input.expected_amount_refunded === undefined ? null : decimalFromJsonNumber(input.expected_amount_refunded).toFixed();
  const { actorUserId, actorApiKeyId } = actorColumns(actor);

  const [row] = await db().$queryRaw<TReserveRow[]>`
    WITH locked AS MATERIALIZED (
      SELECT id, currency, status, amount_paid, amount_refunded,
        COALESCE(${asked?.toFixed() ?? null}::numeric, amount_paid - amount_refunded) AS amount
      FROM invoices WHERE id = ${invoiceId}::uuid
      FOR UPDATE
    ), reserved AS (
      UPDATE invoices i
      SET amount_refunded = i.amount_refunded + l.amount,
        status = ${statusAfterRefundsSql(Prisma.sql`i.amount_refunded + l.amount`, Prisma.sql`i.amount_paid`)},
        updated_at = now()
      FROM locked l
      WHERE i.id = l.id
        AND (${fitting}::text[] IS NULL OR i.currency = ANY(${fitting}::text[]))
        AND (${expected}::numeric IS NULL OR i.amount_refunded = ${expected}::numeric)
        AND i.status IN ('paid', 'partially_refunded')
        AND l.amount > 0
        AND i.amount_refunded + l.amount <= i.amount_paid
      RETURNING l.amount
    ), refund AS (
      INSERT INTO refunds (id, invoice_id, amount, currency, reason, status, actor_user_id, actor_api_key_id)
      SELECT ${refundId}::uuid, l.id, r.amount, l.currency, ${input.reason}::text, 'pending', ${actorUserId}::uuid, ${actorApiKeyId}::uuid
      FROM reserved r, locked l
      RETURNING amount, created_at
    ), audit AS (
      ${auditInsertSql(
        actor,
        {
          action: 'invoice.refund_requested',
          entityType: 'invoice',
          entityId: invoiceId,
          before: Prisma.sql`jsonb_build_object('status', l.status, 'amount_refunded', ${moneyJsonb(Prisma.sql`l.amount_refunded`)})`,
          after: Prisma.sql`jsonb_build_object('refund_id', ${refundId}::text, 'amount', ${moneyJsonb(Prisma.sql`r.amount`)}, 'reason', ${input.reason}::text)`,
          requestId,
        },
        Prisma.sql`refund r, locked l`,
      )}
    )
    SELECT l.currency, l.status::text AS status, l.amount_paid, l.amount_refunded, r.amount AS refund_amount, r.created_at AS refund_created_at
    FROM locked l LEFT JOIN refund r ON true`;

  if (!row) throw notFound('invoice');
  if (row.refund_amount === null || row.refund_created_at === null) throw refusal(row, input);
  return {
    refundId,
    invoiceId,
    amount: toDecimal(row.refund_amount),
    currency: row.currency,
    reason: input.reason,
    createdAt: row.refund_created_at,
    statusBefore: row.status,
    refundedBefore: toDecimal(row.amount_refunded),
  };
}

/** Why the reservation was refused, in SPEC §6's order: body validation (400), invoice status (409), amount ≤ refundable (422). */
function refusal(invoice: TReserveRow, input: TRefundInput): BillingError {
  const { currency, status } = invoice;
  const asked = input.amount === undefined ? undefined : decimalFromJsonNumber(input.amount);
  if (asked !== undefined && !fitsCurrency(asked, currency)) {
    const decimals = currencyDecimals(currency);
    return validationFailed([{ path: 'amount', message: decimals === 0 ? `${currency} amounts are whole numbers.` : `${currency} amounts have at most ${decimals} decimals.` }]);
  }
  const refundedBefore = toDecimal(invoice.amount_refunded);
  const refundable = refundableAmount({ status, amountPaid: invoice.amount_paid, amountRefunded: invoice.amount_refunded });
  const figures = { amount_paid: moneyToJson(invoice.amount_paid), amount_refunded: moneyToJson(refundedBefore), amount_refundable: moneyToJson(refundable), invoice_status: status };
  if (input.expected_amount_refunded !== undefined && !decimalFromJsonNumber(input.expected_amount_refunded).eq(refundedBefore)) {
    return conflict('invoice_changed', `The invoice changed since you looked: ${figures.amount_refunded} is refunded now, not ${input.expected_amount_refunded}.`, figures);
  }
  if (status !== 'paid' && status !== 'partially_refunded') {
    return conflict('invoice_not_refundable', `A ${status} invoice cannot be refunded; only paid and partially refunded ones can.`, figures);
  }
  const amount = asked ?? refundable;
  if (amount.gt(refundable)) {
    return unprocessable('refund_exceeds_refundable', `At most ${moneyToJson(refundable)} ${currency} can be refunded.`, figures);
  }
  if (amount.lte(0)) {
    return conflict('invoice_not_refundable', 'Nothing is left to refund on this invoice.', figures);
  }
  // The statement's preconditions and these rules say the same thing; a refusal none of them explains is a bug.
  throw new Error(`Refund of invoice refused by the database without a rule that explains it (status ${status}).`);
}
