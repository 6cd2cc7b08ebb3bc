import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { conflict, notFound, unprocessable, validationFailed } from '@/lib/errors';
import type { InvoiceStatus, PaymentProvider } from '@/lib/generated/prisma/client';
import { parseId } from '@/lib/http/parse';
import { currencyDecimals, decimalFromJsonNumber, fitsCurrency, moneyToJson, toDecimal } from '@/lib/money';
import { paymentToDto } from './payment-dto';
import type { TRecordPaymentInput, TRecordPaymentResult } from './schemas';

/** Who took the money, when a provider's webhook records it (absent: an operator recorded it, `manual`). */
export interface TProviderPayment {
  provider: Exclude<PaymentProvider, 'manual'>;
  providerPaymentId: string;
}

interface TLockedInvoice {
  currency: string;
  status: InvoiceStatus;
  total: string;
  amount_paid: string;
}

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
 */
export async function recordPayment(
  rawId: string,
  input: TRecordPaymentInput,
  actor: TActor | 'system',
  options: { requestId?: string; provider?: TProviderPayment } = {},
): Promise<TRecordPaymentResult> {
  const invoiceId = parseId(rawId, 'invoice');
  const amount = decimalFromJsonNumber(input.amount);
  const paidAt = input.paid_at ? new Date(input.paid_at) : now();
  if (paidAt.getTime() > now().getTime() + FUTURE_TOLERANCE_MS) {
    throw validationFailed([{ path: 'paid_at', message: 'A payment cannot be received in the future.' }]);
  }
  try {
    return await db().$transaction(async (tx) => {
      const [invoice] = await tx.$queryRaw<TLockedInvoice[]>`
        SELECT currency, status::text AS status, total::text AS total, amount_paid::text AS amount_paid
        FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
      if (!invoice) throw notFound('invoice');
      if (!fitsCurrency(amount, invoice.currency)) {
        const decimals = currencyDecimals(invoice.currency);
        throw validationFailed([{ path: 'amount', message: decimals === 0 ? `${invoice.currency} amounts are whole numbers.` : `${invoice.currency} amounts have at most ${decimals} decimals.` }]);
      }
      const total = toDecimal(invoice.total);
      const paidBefore = toDecimal(invoice.amount_paid);
      const due = total.minus(paidBefore);
      const figures = { invoice_status: invoice.status, total: moneyToJson(total), amount_paid: moneyToJson(paidBefore), amount_due: moneyToJson(due) };
      if (!PAYABLE_STATUSES.includes(invoice.status)) {
        throw conflict('invoice_not_payable', `A ${invoice.status} invoice takes no payments; only issued (open) invoices do.`, figures);
      }
      if (amount.gt(due)) {
        throw unprocessable('payment_exceeds_due', due.lte(0) ? 'Nothing is due on this invoice.' : `At most ${moneyToJson(due)} ${invoice.currency} is due on this invoice.`, figures);
      }
      const paidAfter = paidBefore.plus(amount);
      const settles = paidAfter.eq(total);
      const payment = await tx.payment.create({
        data: {
          invoiceId,
          amount: amount.toFixed(),
          currency: invoice.currency,
          method: input.method,
          reference: input.reference,
          provider: options.provider?.provider ?? 'manual',
          providerPaymentId: options.provider?.providerPaymentId ?? null,
          paidAt,
          createdAt: now(),
        },
      });
      const updated = await tx.invoice.update({
        where: { id: invoiceId },
        data: { amountPaid: paidAfter.toFixed(), ...(settles ? { status: 'paid', paidAt } : {}), updatedAt: now() },
        select: { status: true },
      });
      const result: TRecordPaymentResult = { payment: paymentToDto(payment), invoice_status: updated.status, amount_paid: moneyToJson(paidAfter), amount_due: moneyToJson(total.minus(paidAfter)) };
      await recordAudit(tx, actor, {
        action: 'invoice.payment_recorded',
        entityType: 'invoice',
        entityId: invoiceId,
        before: { status: invoice.status, amount_paid: moneyToJson(paidBefore) },
        after: { status: result.invoice_status, amount_paid: result.amount_paid, payment: result.payment },
        requestId: options.requestId,
      });
      return result;
    });
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

/** Clocks differ a little between a bank's statement and ours. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
