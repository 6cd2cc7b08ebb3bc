import type { InvoiceStatus } from '../../lib/generated/prisma/enums';
import { Decimal } from '../../lib/money';
import { DAY, HOUR, addTime, minDate } from './calendar';
import type { TDemoInvoice } from './demo-invoices';
import type { TPrng } from './prng';

/** What happened to an invoice after it was issued. */
export interface TInvoiceOutcome {
  status: InvoiceStatus;
  dueAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
  refund: { amount: Decimal; at: Date; reason: string } | null;
}

const PAYMENT_TERMS = 14 * DAY;
/** Every status must show up in the demo (SPEC §9); these floors hold whatever the rolls gave. */
const AT_LEAST: Partial<Record<InvoiceStatus, number>> = { void: 4, open: 3, partially_refunded: 5, refunded: 4 };
const REFUND_REASONS = [
  'Service outage compensation (SLA credit)',
  'Agent seats corrected after downgrade',
  'Duplicate payment by bank transfer',
  'Goodwill credit after support escalation',
  'Customer cancelled within the first week',
];

/**
 * Settles the issued demo invoices: most are paid within a fortnight, a few recent ones are still
 * open (overdue), some were voided, and some paid ones were refunded in part or in full.
 */
export function settleDemoInvoices(rng: TPrng, now: Date, invoices: readonly TDemoInvoice[]): Map<string, TInvoiceOutcome> {
  const outcomes = new Map<string, TInvoiceOutcome>();
  for (const invoice of invoices) outcomes.set(invoice.id, firstOutcome(rng, now, invoice));

  // Top up any status the rolls left short, from past invoices that were simply paid.
  for (const [status, floor] of Object.entries(AT_LEAST) as Array<[InvoiceStatus, number]>) {
    const have = [...outcomes.values()].filter((outcome) => outcome.status === status).length;
    const candidates = rng.shuffle(
      invoices.filter((invoice) => invoice.monthOffset < 0 && outcomes.get(invoice.id)!.status === 'paid' && (status !== 'open' || invoice.monthOffset === -1)),
    );
    for (const invoice of candidates.slice(0, Math.max(0, floor - have))) {
      outcomes.set(invoice.id, forcedOutcome(rng, now, invoice, status, outcomes.get(invoice.id)!));
    }
  }
  return outcomes;
}

function firstOutcome(rng: TPrng, now: Date, invoice: TDemoInvoice): TInvoiceOutcome {
  const issuedAt = invoice.issuedAt;
  if (!issuedAt) return { status: 'draft', dueAt: null, paidAt: null, voidedAt: null, refund: null };
  const dueAt = addTime(issuedAt, PAYMENT_TERMS);
  const unpaid = { dueAt, paidAt: null, voidedAt: null, refund: null };

  const roll = rng.next();
  if (invoice.monthOffset < 0 && roll < 0.02) return { ...unpaid, status: 'void', voidedAt: voidTime(rng, now, issuedAt) };
  if (invoice.monthOffset >= -2 && invoice.monthOffset < 0 && roll < 0.07) return { ...unpaid, status: 'open' };

  const paidAt = addTime(issuedAt, rng.int(0, 12) * DAY + rng.int(1, 20) * HOUR);
  if (paidAt.getTime() > now.getTime()) return { ...unpaid, status: 'open' };
  const paid: TInvoiceOutcome = { status: 'paid', dueAt, paidAt, voidedAt: null, refund: null };

  const refundRoll = rng.next();
  if (invoice.monthOffset < 0 && refundRoll < 0.05) return withRefund(rng, now, invoice, paid, refundRoll < 0.03 ? 'partially_refunded' : 'refunded');
  return paid;
}

function forcedOutcome(rng: TPrng, now: Date, invoice: TDemoInvoice, status: InvoiceStatus, paid: TInvoiceOutcome): TInvoiceOutcome {
  const unpaid = { dueAt: paid.dueAt, paidAt: null, voidedAt: null, refund: null };
  if (status === 'void') return { ...unpaid, status, voidedAt: voidTime(rng, now, invoice.issuedAt!) };
  if (status === 'open') return { ...unpaid, status };
  if (status === 'partially_refunded' || status === 'refunded') return withRefund(rng, now, invoice, paid, status);
  return paid;
}

/**
 * A refund some days after payment: the whole total, or a round share of it (20–60%, to the
 * thousand rupiah). Leaves the invoice paid when no sensible refund fits (tiny total, no time).
 */
function withRefund(rng: TPrng, now: Date, invoice: TDemoInvoice, paid: TInvoiceOutcome, status: 'partially_refunded' | 'refunded'): TInvoiceOutcome {
  const total = invoice.computed.total;
  const paidAt = paid.paidAt!;
  const at = minDate(addTime(paidAt, rng.int(2, 20) * DAY + rng.int(1, 8) * HOUR), addTime(now, -HOUR));
  if (at.getTime() <= paidAt.getTime() || total.lt(10_000)) return paid;
  const share = new Decimal(rng.int(20, 60)).dividedBy(100);
  const amount = status === 'refunded' ? total : total.times(share).dividedBy(1000).floor().times(1000);
  return { ...paid, status, refund: { amount, at, reason: rng.pick(REFUND_REASONS) } };
}

function voidTime(rng: TPrng, now: Date, issuedAt: Date): Date {
  return minDate(addTime(issuedAt, rng.int(2, 9) * DAY), addTime(now, -HOUR));
}
