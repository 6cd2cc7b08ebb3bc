import { randomUUID } from 'node:crypto';
import { auditInsertSql, jsonbValue } from '@/lib/audit/audit-insert-sql';
import { actorColumns, type TActor } from '@/lib/auth/actor';
import { refundableAmount } from '@/lib/billing/invoices/invoice-dto';
import { db } from '@/lib/db';
import { conflict, notFound, unprocessable, validationFailed } from '@/lib/errors';
import { Prisma, type InvoiceStatus, type PaymentProvider } from '@/lib/generated/prisma/client';
import { now } from '@/lib/clock';
import { currentIdempotencyClaim } from '@/lib/http/idempotency';
import { type Decimal, currencyDecimals, decimalFromJsonNumber, fitsCurrency, moneyToJson, toDecimal } from '@/lib/money';
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
  provider: PaymentProvider;
  providerPaymentId: string | null;
  method: string | null;
  reference: string | null;
  /** The invoice's total and tax: the proportions of the credit note's split when it succeeds. */
  invoiceTotal: Decimal;
  invoiceTaxTotal: Decimal;
}

interface TLockedInvoice {
  currency: string;
  status: InvoiceStatus;
  amountPaid: Prisma.Decimal;
  amountRefunded: Prisma.Decimal;
  total: Prisma.Decimal;
  taxTotal: Prisma.Decimal;
  paymentId: string | null;
  provider: PaymentProvider | null;
  providerPaymentId: string | null;
}

/**
 * Step 1 of a refund (refund-invoice.ts): locks the invoice, checks, and reserves the amount —
 * amount_refunded raised, a `pending` refund, its audit entry — in one transaction of two
 * statements: the row lock with the columns the checks need, then every write in one
 * data-modifying CTE.
 *
 * Race-freedom: the SELECT … FOR NO KEY UPDATE makes concurrent refunds of one invoice run one after
 * another, each seeing the others' reservations, and nobody can change the row before the commit,
 * so the amounts written are computed from the values the checks saw; the UPDATE repeats
 * `amount_refunded = <what was read>` anyway, and the refund and audit rows are inserted only from
 * its RETURNING row, so if that ever failed nothing would be written (the CHECK constraint on
 * amount_refunded ≤ amount_paid is the last line). The writes wait for the client's second
 * statement and COMMIT: a refund stuck on the lock when the database goes down is rolled back
 * whole, never reserved behind a 503 (tests/integration/database-outage.int.test.ts). NO KEY UPDATE,
 * not UPDATE: it queues concurrent refunds, payments and voids of the invoice just the same, but not
 * the KEY SHARE lock a credit note's foreign key takes on its invoice, so a settlement holding the
 * month's credit-note counter never waits for a reservation.
 */
export async function reserveRefund(invoiceId: string, input: TRefundInput, actor: TActor, requestId?: string): Promise<TReservation> {
  return db().$transaction(async (tx) => {
    // The money goes back where it came from (SPEC §12): the invoice's largest provider payment,
    // read in the same statement as the lock; none (or only manual ones): a manual refund.
    const [invoice] = await tx.$queryRaw<TLockedInvoice[]>`
      SELECT i.currency, i.status::text AS status, i.amount_paid AS "amountPaid", i.amount_refunded AS "amountRefunded",
        i.total, i.tax_total AS "taxTotal",
        p.id AS "paymentId", p.provider::text AS provider, p.provider_payment_id AS "providerPaymentId"
      FROM invoices i
      LEFT JOIN LATERAL (
        SELECT id, provider, provider_payment_id FROM payments
        WHERE invoice_id = i.id AND provider <> 'manual'
        ORDER BY amount DESC, paid_at DESC LIMIT 1
      ) p ON true
      WHERE i.id = ${invoiceId}::uuid
      FOR NO KEY UPDATE OF i`;
    if (!invoice) throw notFound('invoice');
    const amount = refundAmount(invoice, input);
    const refundedBefore = toDecimal(invoice.amountRefunded);
    const refundedAfter = refundedBefore.plus(amount).toFixed();
    const refundId = randomUUID();
    const { actorUserId, actorApiKeyId } = actorColumns(actor);
    const provider = invoice.provider ?? 'manual';
    const method = input.method ?? null;
    const reference = input.reference ?? null;
    const claim = currentIdempotencyClaim();

    const [refund] = await tx.$queryRaw<{ created_at: Date }[]>`
      WITH reserved AS (
        UPDATE invoices
        SET amount_refunded = ${refundedAfter}::numeric,
          status = ${statusAfterRefundsSql(Prisma.sql`${refundedAfter}::numeric`, Prisma.sql`amount_paid`)},
          updated_at = ${now()}::timestamptz
        WHERE id = ${invoiceId}::uuid AND amount_refunded = ${refundedBefore.toFixed()}::numeric
        RETURNING id
      ), refund AS (
        INSERT INTO refunds (id, invoice_id, amount, currency, reason, status, actor_user_id, actor_api_key_id, provider, payment_id, method, reference, idempotency_record_id, created_at)
        SELECT ${refundId}::uuid, id, ${amount.toFixed()}::numeric, ${invoice.currency}::text, ${input.reason}::text, 'pending'::"RefundStatus", ${actorUserId}::uuid, ${actorApiKeyId}::uuid,
          ${provider}::"PaymentProvider", ${invoice.paymentId}::uuid, ${method}::text, ${reference}::text, ${claim}::uuid, ${now()}::timestamptz
        FROM reserved
        RETURNING created_at
      ), audit AS (
        ${auditInsertSql(
          actor,
          {
            action: 'invoice.refund_requested',
            entityType: 'invoice',
            entityId: invoiceId,
            before: jsonbValue({ status: invoice.status, amount_refunded: moneyToJson(refundedBefore) }),
            after: jsonbValue({ refund_id: refundId, amount: moneyToJson(amount), reason: input.reason }),
            requestId,
          },
          Prisma.sql`refund`,
        )}
      )
      SELECT created_at FROM refund`;
    // The row lock makes this impossible; throwing rolls the transaction back if it ever happens.
    if (!refund) throw new Error(`Invoice ${invoiceId} changed under its row lock.`);
    return {
      refundId, invoiceId, amount, currency: invoice.currency, reason: input.reason, createdAt: refund.created_at, statusBefore: invoice.status, refundedBefore,
      provider, providerPaymentId: invoice.providerPaymentId, method, reference, invoiceTotal: toDecimal(invoice.total), invoiceTaxTotal: toDecimal(invoice.taxTotal),
    };
  });
}

/** The amount to refund, or the error, in SPEC §6's order: body validation (400), invoice status (409), amount ≤ refundable (422). */
function refundAmount(invoice: TLockedInvoice, input: TRefundInput): Decimal {
  const { currency, status } = invoice;
  if (invoice.provider && (input.method !== undefined || input.reference !== undefined)) {
    const message = `This invoice was paid through ${invoice.provider}, which returns the money itself: method and reference are for manual refunds.`;
    throw validationFailed([...(input.method !== undefined ? [{ path: 'method', message }] : []), ...(input.reference !== undefined ? [{ path: 'reference', message }] : [])]);
  }
  const asked = input.amount === undefined ? undefined : decimalFromJsonNumber(input.amount);
  if (asked !== undefined && !fitsCurrency(asked, currency)) {
    const decimals = currencyDecimals(currency);
    throw validationFailed([{ path: 'amount', message: decimals === 0 ? `${currency} amounts are whole numbers.` : `${currency} amounts have at most ${decimals} decimals.` }]);
  }
  const refundedBefore = toDecimal(invoice.amountRefunded);
  const refundable = refundableAmount(invoice);
  const figures = { amount_paid: moneyToJson(invoice.amountPaid), amount_refunded: moneyToJson(refundedBefore), amount_refundable: moneyToJson(refundable), invoice_status: status };
  if (input.expected_amount_refunded !== undefined && !decimalFromJsonNumber(input.expected_amount_refunded).eq(refundedBefore)) {
    throw conflict('invoice_changed', `The invoice changed since you looked: ${figures.amount_refunded} is refunded now, not ${input.expected_amount_refunded}.`, figures);
  }
  if (status !== 'paid' && status !== 'partially_refunded') {
    throw conflict('invoice_not_refundable', `A ${status} invoice cannot be refunded; only paid and partially refunded ones can.`, figures);
  }
  const amount = asked ?? refundable;
  if (amount.gt(refundable)) {
    throw unprocessable('refund_exceeds_refundable', `At most ${moneyToJson(refundable)} ${currency} can be refunded.`, figures);
  }
  if (amount.lte(0)) {
    throw conflict('invoice_not_refundable', 'Nothing is left to refund on this invoice.', figures);
  }
  return amount;
}
