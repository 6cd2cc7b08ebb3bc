import { randomUUID } from 'node:crypto';
import { auditInsertSql, jsonbValue, moneyJsonb } from '@/lib/audit/audit-insert-sql';
import type { TActor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { BillingError, conflict, notFound, unprocessable, validationFailed } from '@/lib/errors';
import { Prisma, type InvoiceStatus, type PaymentProvider } from '@/lib/generated/prisma/client';
import { answerBuiltBySql, SqlJsonValue } from '@/lib/http/idempotency';
import { parseId } from '@/lib/http/parse';
import { CURRENCY_DECIMALS, currencyDecimals, decimalFromJsonNumber, moneyToJson, toDecimal, type Decimal } from '@/lib/money';
import { paymentToDto } from './payment-dto';
import type { TPayment, TRecordPaymentInput, TRecordPaymentResult } from './schemas';

/** Who took the money, when a provider's webhook records it (absent: an operator recorded it, `manual`). */
export interface TProviderPayment {
  provider: Exclude<PaymentProvider, 'manual'>;
  providerPaymentId: string;
}

/** The invoice as the payment statement locked it, and after the payment (nulls: refused, nothing written). */
interface TPaymentRow {
  currency: string;
  status: InvoiceStatus;
  total: string;
  amount_paid: string;
  fits: boolean;
  status_after: string | null;
  amount_paid_after: string | null;
  /** The Idempotency-Key answer the statement stored (answerBuiltBySql), or null. */
  answered_body: string | null;
}

const CURRENCY_DECIMALS_JSON = JSON.stringify(CURRENCY_DECIMALS);

/** Only an issued, not yet settled invoice takes money; refunded and paid ones have nothing due (422). */
const PAYABLE_STATUSES: readonly InvoiceStatus[] = ['open', 'paid', 'partially_refunded', 'refunded'];

/**
 * Records money received for an invoice (SPEC §11): partial payments add up; the payment that
 * covers the total makes the invoice `paid`, with `paid_at` the payment's time.
 *
 * Race-freedom: the invoice row is locked (SELECT … FOR UPDATE) before the amount due is
 * computed, so concurrent payments of one invoice run one after another and each sees the others:
 * amount_paid never passes the total (overpayment is 422, nothing written). The unique index on
 * (method, reference) makes the same bank transfer recorded twice a 409, whatever the timing; a
 * provider's payment id is unique per provider the same way. Audit inside the same transaction.
 *
 * All of it is ONE statement (paymentStatementSql) (a single round trip, its own transaction): the lock, the checks,
 * the payment, the invoice's new amount and status, and the audit entry are CTEs of one query, so
 * a payment costs the server one statement instead of six (BEGIN, lock, insert, update, audit,
 * COMMIT). Under READ COMMITTED, `FOR UPDATE` waits for a concurrent payment's commit and then
 * reads the row as that commit left it, and the UPDATE starts from that same row: the checks and
 * the sum see every earlier payment. When a check fails nothing is written, and the locked row
 * says which one failed (refusal), in the order the checks had before.
 */
export async function recordPayment(
  rawId: string,
  input: TRecordPaymentInput,
  actor: TActor | 'system',
  options: { requestId?: string; provider?: TProviderPayment } = {},
): Promise<TRecordPaymentResult> {
  const prepared = preparePayment(rawId, input, options.provider);
  // The answer stored for the request's Idempotency-Key by the payment's own statement, its
  // figures as the statement leaves them (the route answers 201 with exactly paymentResult's object).
  const answer = answerBuiltBySql({
    payment: { ...prepared.payment, currency: new SqlJsonValue(Prisma.sql`to_json(a.currency)::text`) },
    invoice_status: new SqlJsonValue(Prisma.sql`to_json(u.status)::text`),
    amount_paid: new SqlJsonValue(Prisma.sql`trim_scale(u.amount_paid)::text`),
    amount_due: new SqlJsonValue(Prisma.sql`trim_scale(a.total - u.amount_paid)::text`),
  } satisfies Record<keyof TRecordPaymentResult, unknown>, 201, Prisma.sql`accepted a CROSS JOIN updated u`);
  try {
    const [row] = await db().$queryRaw<TPaymentRow[]>`${paymentStatementSql(prepared, actor, options.requestId, { answer: answer?.sql })}`;
    answer?.written(row?.answered_body ?? null);
    if (!row) throw notFound('invoice');
    if (row.status_after === null || row.amount_paid_after === null) throw refusal(row, prepared.amount, toDecimal(row.total), toDecimal(row.amount_paid));
    return paymentResult(prepared, row);
  } catch (error) {
    if (isUniqueViolation(error, 'reference')) {
      throw conflict('payment_duplicate', `A ${input.method} payment with reference "${input.reference}" is already recorded.`);
    }
    if (isUniqueViolation(error, 'provider_payment_id')) {
      throw conflict('payment_duplicate', `This ${options.provider?.provider} payment is already recorded.`);
    }
    throw error;
  }
}

/**
 * recordPayment's statement written only when the payment settles the invoice in full, in
 * `currency`, and then together with `alsoWrite` — CTEs of the same statement, which see the
 * written payment's invoice as `updated` (id, status, amount_paid). A provider's webhook uses it to
 * store its event already applied, with the payment, in one round trip. Null when nothing was
 * written (any refusal, a payment or event already recorded, an id that is not one): the caller
 * then takes recordPayment's general path, which says why.
 */
export async function recordSettlingPayment(
  rawId: string,
  input: TRecordPaymentInput,
  options: { provider: TProviderPayment; currency: string; alsoWrite: Prisma.Sql },
): Promise<TRecordPaymentResult | null> {
  try {
    const prepared = preparePayment(rawId, input, options.provider);
    const settles = Prisma.sql`AND ${prepared.amountText}::numeric = total - amount_paid AND currency = ${options.currency}::text`;
    const [row] = await db().$queryRaw<TPaymentRow[]>`${paymentStatementSql(prepared, 'system', undefined, { accept: settles, alsoWrite: options.alsoWrite })}`;
    return row && row.status_after !== null && row.amount_paid_after !== null ? paymentResult(prepared, row) : null;
  } catch (error) {
    if (error instanceof BillingError || isUniqueViolation(error)) return null;
    throw error;
  }
}

/** A payment as it is about to be written: its checked amount and time, and its answer (the currency is the invoice's, which the statement reads). */
interface TPreparedPayment {
  invoiceId: string;
  amount: Decimal;
  amountText: string;
  paidAt: Date;
  payment: TPayment;
}

function preparePayment(rawId: string, input: TRecordPaymentInput, provider: TProviderPayment | undefined): TPreparedPayment {
  const invoiceId = parseId(rawId, 'invoice');
  const amount = decimalFromJsonNumber(input.amount);
  const paidAt = input.paid_at ? new Date(input.paid_at) : now();
  if (paidAt.getTime() > now().getTime() + FUTURE_TOLERANCE_MS) {
    throw validationFailed([{ path: 'paid_at', message: 'A payment cannot be received in the future.' }]);
  }
  const amountText = amount.toFixed();
  const payment = paymentToDto({
    id: randomUUID(), invoiceId, amount: new Prisma.Decimal(amountText), currency: '', method: input.method,
    provider: provider?.provider ?? 'manual', providerPaymentId: provider?.providerPaymentId ?? null,
    reference: input.reference ?? null, gatewayRef: null, paidAt, createdAt: now(),
  });
  return { invoiceId, amount, amountText, paidAt, payment };
}

/**
 * One statement, one round trip: lock, checks, payment, invoice, audit (see recordPayment's doc
 * comment). `accept` narrows which payments are written; `alsoWrite` adds CTEs after the invoice's
 * update; `answer` (answerBuiltBySql) stores the request's answer, read back as `answered_body`.
 */
function paymentStatementSql(
  prepared: TPreparedPayment,
  actor: TActor | 'system',
  requestId: string | undefined,
  extra: { accept?: Prisma.Sql; alsoWrite?: Prisma.Sql; answer?: Prisma.Sql } = {},
): Prisma.Sql {
  const { invoiceId, amountText, paidAt, payment } = prepared;
  return Prisma.sql`
      WITH invoice AS (
        SELECT id, currency, status, total, amount_paid,
               ${amountText}::numeric = round(${amountText}::numeric, (${CURRENCY_DECIMALS_JSON}::jsonb ->> currency)::int) AS fits
          FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE
      ), accepted AS (
        SELECT *, amount_paid + ${amountText}::numeric AS paid_after FROM invoice
         WHERE fits AND status::text = ANY(${PAYABLE_STATUSES}::text[]) AND ${amountText}::numeric <= total - amount_paid ${extra.accept ?? Prisma.empty}
      ), written AS (
        INSERT INTO payments (id, invoice_id, amount, currency, method, reference, provider, provider_payment_id, paid_at, created_at)
        SELECT ${payment.id}::uuid, id, ${amountText}::numeric, currency, ${payment.method}::text, ${payment.reference}::text,
               ${payment.provider}::"PaymentProvider", ${payment.provider_payment_id}::text, ${paidAt}::timestamptz, ${payment.created_at}::timestamptz
          FROM accepted
        RETURNING invoice_id
      ), updated AS (
        UPDATE invoices i
           SET amount_paid = a.paid_after,
               status = CASE WHEN a.paid_after = a.total THEN 'paid'::"InvoiceStatus" ELSE i.status END,
               paid_at = CASE WHEN a.paid_after = a.total THEN ${paidAt}::timestamptz ELSE i.paid_at END,
               updated_at = ${payment.created_at}::timestamptz
          FROM accepted a JOIN written w ON w.invoice_id = a.id
         WHERE i.id = a.id
        RETURNING i.id, i.status::text AS status, i.amount_paid
      ), audited AS (
        ${auditInsertSql(actor, {
          action: 'invoice.payment_recorded', entityType: 'invoice', entityId: invoiceId, requestId,
          before: Prisma.sql`jsonb_build_object('status', a.status::text, 'amount_paid', ${moneyJsonb(Prisma.sql`a.amount_paid`)})`,
          after: Prisma.sql`jsonb_build_object('status', u.status, 'amount_paid', ${moneyJsonb(Prisma.sql`u.amount_paid`)},
                                               'payment', ${jsonbValue(payment)} || jsonb_build_object('currency', a.currency))`,
        }, Prisma.sql`accepted a CROSS JOIN updated u`)}
      )${extra.alsoWrite ? Prisma.sql`, ${extra.alsoWrite}` : Prisma.empty}${extra.answer ? Prisma.sql`, answered AS (${extra.answer})` : Prisma.empty}
      SELECT v.currency, v.status::text AS status, v.total::text AS total, v.amount_paid::text AS amount_paid, v.fits,
             u.status AS status_after, u.amount_paid::text AS amount_paid_after,
             ${extra.answer ? Prisma.sql`(SELECT answered_body FROM answered)` : Prisma.sql`NULL::text`} AS answered_body
        FROM invoice v LEFT JOIN updated u ON true`;
}

function paymentResult({ payment }: TPreparedPayment, row: TPaymentRow): TRecordPaymentResult {
  const total = toDecimal(row.total);
  const paidAfter = toDecimal(row.amount_paid_after!);
  return {
    payment: { ...payment, currency: row.currency as TPayment['currency'] },
    invoice_status: row.status_after as InvoiceStatus,
    amount_paid: moneyToJson(paidAfter),
    amount_due: moneyToJson(total.minus(paidAfter)),
  };
}

/** Why the statement wrote nothing for an invoice it found, checked in the order an operator fixes them. */
function refusal(invoice: TPaymentRow, amount: Decimal, total: Decimal, paidBefore: Decimal): Error {
  if (!invoice.fits) {
    const decimals = currencyDecimals(invoice.currency);
    return validationFailed([{ path: 'amount', message: decimals === 0 ? `${invoice.currency} amounts are whole numbers.` : `${invoice.currency} amounts have at most ${decimals} decimals.` }]);
  }
  const due = total.minus(paidBefore);
  const figures = { invoice_status: invoice.status, total: moneyToJson(total), amount_paid: moneyToJson(paidBefore), amount_due: moneyToJson(due) };
  if (!PAYABLE_STATUSES.includes(invoice.status)) {
    return conflict('invoice_not_payable', `A ${invoice.status} invoice takes no payments; only issued (open) invoices do.`, figures);
  }
  return unprocessable('payment_exceeds_due', due.lte(0) ? 'Nothing is due on this invoice.' : `At most ${moneyToJson(due)} ${invoice.currency} is due on this invoice.`, figures);
}

/** Clocks differ a little between a bank's statement and ours. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
