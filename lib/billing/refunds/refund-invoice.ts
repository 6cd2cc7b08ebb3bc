import { recordAudit } from '@/lib/audit/record-audit';
import { actorColumns, type TActor } from '@/lib/auth/actor';
import { REFUND_ACTOR_INCLUDE, refundToDto, refundableAmount } from '@/lib/billing/invoices/invoice-dto';
import { db, type Tx } from '@/lib/db';
import { conflict, notFound, unprocessable, validationFailed } from '@/lib/errors';
import type { Invoice, InvoiceStatus } from '@/lib/generated/prisma/client';
import { parseId } from '@/lib/http/parse';
import { Decimal, currencyDecimals, decimalFromJsonNumber, fitsCurrency, moneyToJson, toDecimal } from '@/lib/money';
import { paymentGateway } from './payment-gateway';
import type { TRefundInput, TRefundResult } from './schemas';

/**
 * Refunds all or part of a paid invoice (SPEC §6).
 *
 * Race-freedom: step 1 locks the invoice row (SELECT … FOR UPDATE), checks, and *reserves* the
 * amount — a `pending` refund row and `amount_refunded` raised — in one transaction, so concurrent
 * refunds of one invoice run one after another and each sees the others' reservations: their sum
 * can never exceed `amount_paid` (a CHECK constraint backs this up). The gateway is called after
 * that commit, holding no lock; step 2 settles: `succeeded` keeps the reservation, `failed`
 * releases it, leaving the invoice's totals as they were. A crash between the steps leaves a
 * `pending` refund that still counts against the refundable amount — never a double refund.
 */
export async function refundInvoice(rawId: string, input: TRefundInput, actor: TActor, requestId?: string): Promise<TRefundResult> {
  const invoiceId = parseId(rawId, 'invoice');
  const reserved = await db().$transaction((tx) => reserveRefund(tx, invoiceId, input, actor, requestId));

  const outcome = await paymentGateway()
    .refund({ refundId: reserved.refundId, invoiceId, amount: reserved.amount, currency: reserved.currency, reason: input.reason })
    .catch((error: unknown) => ({ status: 'failed' as const, reason: `Gateway error: ${String((error as Error)?.message ?? error)}` }));

  return settleUntilStarted(() => db().$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, invoiceId);
    if (outcome.status === 'failed') {
      const amountRefunded = toDecimal(invoice.amountRefunded).minus(reserved.amount);
      await tx.invoice.update({ where: { id: invoiceId }, data: { amountRefunded: amountRefunded.toString(), status: statusAfterRefunds(invoice, amountRefunded) } });
    }
    const refund = await tx.refund.update({
      where: { id: reserved.refundId },
      data: outcome.status === 'failed' ? { status: 'failed', failureReason: outcome.reason } : { status: outcome.status, gatewayRef: outcome.reference },
      include: REFUND_ACTOR_INCLUDE,
    });
    const after = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    await recordAudit(tx, actor, {
      action: `invoice.refund_${refund.status}`,
      entityType: 'invoice',
      entityId: invoiceId,
      before: { status: reserved.statusBefore, amount_refunded: moneyToJson(reserved.refundedBefore) },
      after: { status: after.status, amount_refunded: moneyToJson(after.amountRefunded), refund: refundToDto(refund) },
      requestId,
    });
    return { status: refund.status, refund_amount: moneyToJson(refund.amount), invoice_status: after.status, refund: refundToDto(refund) };
  }));
}

const SETTLE_ATTEMPTS = 5;

/**
 * The gateway has already moved the money when settling starts, so settling must not give up
 * because no pooled connection was free in time (200 refunds queued on one invoice did that,
 * docs/PERFORMANCE.md): the refund would stay pending and the client would get a retryable 503
 * for a refund that happened. Retried only for errors raised before the transaction began (or
 * after it was rolled back), never for one whose commit may have gone through.
 */
async function settleUntilStarted<T>(settle: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await settle();
    } catch (error) {
      if (attempt >= SETTLE_ATTEMPTS || !neverCommitted(error)) throw error;
    }
  }
}

// P2024: no pooled connection in time; P2028: the transaction could not start, or expired and was rolled back.
function neverCommitted(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === 'P2024' || candidate.code === 'P2028') return true;
    if (typeof candidate.message === 'string' && candidate.message.includes('timeout exceeded when trying to connect')) return true;
    current = candidate.cause;
  }
  return false;
}

async function reserveRefund(tx: Tx, invoiceId: string, input: TRefundInput, actor: TActor, requestId?: string) {
  const invoice = await lockInvoice(tx, invoiceId);
  // SPEC §6 order: body validation (400), invoice status (409), amount ≤ refundable (422).
  if (input.amount !== undefined && !fitsCurrency(decimalFromJsonNumber(input.amount), invoice.currency)) {
    const decimals = currencyDecimals(invoice.currency);
    throw validationFailed([{ path: 'amount', message: decimals === 0 ? `${invoice.currency} amounts are whole numbers.` : `${invoice.currency} amounts have at most ${decimals} decimals.` }]);
  }
  const refundedBefore = toDecimal(invoice.amountRefunded);
  const figures = { amount_paid: moneyToJson(invoice.amountPaid), amount_refunded: moneyToJson(refundedBefore), amount_refundable: moneyToJson(refundableAmount(invoice)), invoice_status: invoice.status };
  if (input.expected_amount_refunded !== undefined && !decimalFromJsonNumber(input.expected_amount_refunded).eq(refundedBefore)) {
    throw conflict('invoice_changed', `The invoice changed since you looked: ${figures.amount_refunded} is refunded now, not ${input.expected_amount_refunded}.`, figures);
  }
  if (invoice.status !== 'paid' && invoice.status !== 'partially_refunded') {
    throw conflict('invoice_not_refundable', `A ${invoice.status} invoice cannot be refunded; only paid and partially refunded ones can.`, figures);
  }
  const refundable = refundableAmount(invoice);
  const amount = input.amount === undefined ? refundable : decimalFromJsonNumber(input.amount);
  if (amount.gt(refundable)) {
    throw unprocessable('refund_exceeds_refundable', `At most ${moneyToJson(refundable)} ${invoice.currency} can be refunded.`, figures);
  }
  if (amount.lte(0)) {
    throw conflict('invoice_not_refundable', 'Nothing is left to refund on this invoice.', figures);
  }

  const amountRefunded = refundedBefore.plus(amount);
  await tx.invoice.update({ where: { id: invoiceId }, data: { amountRefunded: amountRefunded.toString(), status: statusAfterRefunds(invoice, amountRefunded) } });
  const { actorUserId, actorApiKeyId } = actorColumns(actor);
  const refund = await tx.refund.create({
    data: { invoiceId, amount: amount.toString(), currency: invoice.currency, reason: input.reason, status: 'pending', actorUserId, actorApiKeyId },
  });
  await recordAudit(tx, actor, {
    action: 'invoice.refund_requested',
    entityType: 'invoice',
    entityId: invoiceId,
    before: { status: invoice.status, amount_refunded: moneyToJson(refundedBefore) },
    after: { refund_id: refund.id, amount: moneyToJson(amount), reason: input.reason },
    requestId,
  });
  return { refundId: refund.id, amount, currency: invoice.currency, statusBefore: invoice.status, refundedBefore };
}

async function lockInvoice(tx: Tx, invoiceId: string): Promise<Invoice> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
  const invoice = locked.length ? await tx.invoice.findUnique({ where: { id: invoiceId } }) : null;
  if (!invoice) throw notFound('invoice');
  return invoice;
}

function statusAfterRefunds(invoice: Invoice, amountRefunded: Decimal): InvoiceStatus {
  if (amountRefunded.isZero()) return 'paid';
  return amountRefunded.gte(toDecimal(invoice.amountPaid)) ? 'refunded' : 'partially_refunded';
}
