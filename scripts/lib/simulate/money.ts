import { API, type ApiClient } from './api-client';
import { forEachBounded } from './pool';
import { Prng } from './prng';
import { sendStripePayment, sendXenditPayment } from './provider-webhooks';
import type { TSimulationTarget } from './target';
import type { TActionCounts } from './tenants';

/** Where the simulation stands: the seed, the month and tick, and the simulated instant of the tick. */
export interface TTickAt {
  seed: number;
  month: number;
  tick: number;
  instant: Date;
  /**
   * The app's "now" as it flows after the tick's move (the clock keeps running): what providers
   * stamp their payments with, so a payment is never dated before the invoice it pays was issued.
   */
  now(): Date;
}

interface TOpenInvoice {
  id: string;
  organization_id: string;
  currency: string;
  total: number;
  amount_paid: number;
  period_start: string;
}

interface TPaidInvoice {
  id: string;
  tenant: number;
  amount: number;
  provider: 'manual' | 'xendit' | 'stripe';
}

/** What the simulator itself counted as moved, per currency: the invariants compare the database with it. */
export interface TLedger {
  paid: Map<string, number>;
  refunded: Map<string, number>;
  /** Refunds left pending at a fake provider, settled later through the reconciler. */
  pending: { refundId: string; provider: 'xendit' | 'stripe'; amount: number; currency: string }[];
}

export const newLedger = (): TLedger => ({ paid: new Map(), refunded: new Map(), pending: [] });
const add = (map: Map<string, number>, currency: string, amount: number) => map.set(currency, (map.get(currency) ?? 0) + amount);
const count = (counts: TActionCounts, name: string) => void (counts[name] = (counts[name] ?? 0) + 1);

/** Every open invoice, read page by page through the API (newest first). */
/** One page of open invoices (keyset: `starting_after` the last id of the previous page). */
async function openInvoicesPage(api: ApiClient, cursor: string | null): Promise<{ data: TOpenInvoice[]; next_cursor: string | null }> {
  const query = `status=open&limit=100${cursor ? `&starting_after=${cursor}` : ''}`;
  const page = await api.get<{ data: TOpenInvoice[]; next_cursor: string | null }>(`${API}/invoices?${query}`, '/invoices?status=open');
  if (page.status !== 200) throw new Error(`GET /invoices answered ${page.status}`);
  return page.body;
}

/**
 * Pays open invoices: most at once, some late (left for a later tick), a few first over-paid
 * (422, nothing recorded) — by bank transfer through the API, or by Xendit or Stripe through the
 * fakes' webhooks. Decisions are drawn per (tenant, period) so a seed replays them.
 */
export async function payInvoices(env: TSimulationTarget, api: ApiClient, tenantOf: Map<string, number>, ledger: TLedger, at: TTickAt, concurrency: number, counts: TActionCounts): Promise<TPaidInvoice[]> {
  const paid: TPaidInvoice[] = [];
  const pay = async (invoice: TOpenInvoice) => {
    const tenant = tenantOf.get(invoice.organization_id)!;
    // By day, not instant: the test clock flows during a tick, so instants differ from run to run.
    const prng = new Prng(at.seed, tenant, at.month, at.tick, Math.floor(Date.parse(invoice.period_start) / 86_400_000), invoice.total);
    if (prng.chance(0.2)) return void count(counts, 'payment late');
    const due = invoice.total - invoice.amount_paid;
    if (due <= 0) return;
    const roll = prng.next();
    if (roll < 0.5) {
      if (prng.chance(0.04)) {
        const over = await api.post(`${API}/invoices/${invoice.id}/payments`, { amount: due + 1, method: 'bank_transfer', reference: `SIM-OVER-${invoice.id}` }, { route: '/invoices/{id}/payments' });
        if (over.status !== 422) throw new Error(`an overpayment of invoice ${invoice.id} answered ${over.status}, not 422`);
        count(counts, 'payment refused (over the amount due)');
      }
      const answer = await api.post(`${API}/invoices/${invoice.id}/payments`, { amount: due, method: 'bank_transfer', reference: `SIM-BT-${invoice.id}` }, { retry: prng.chance(0.05), route: '/invoices/{id}/payments' });
      if (answer.status !== 201) throw new Error(`paying invoice ${invoice.id} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      paid.push({ id: invoice.id, tenant, amount: due, provider: 'manual' });
      count(counts, 'paid by bank transfer');
    } else {
      const provider = roll < 0.75 ? 'xendit' : 'stripe';
      const deliveries = prng.chance(0.05) ? 2 : 1;
      if (provider === 'stripe' && prng.chance(0.05)) {
        // A delivery that fails its signature check first: refused, nothing recorded; the real one follows.
        const forged = await sendStripePayment(env.secrets, { invoiceId: invoice.id, amount: due, currency: invoice.currency, at: at.now() }, true);
        api.stats.requests++;
        if (forged !== 400) throw new Error(`a Stripe webhook with a bad signature for invoice ${invoice.id} answered ${forged}, not 400`);
        count(counts, 'payment webhook refused (bad signature)');
      }
      for (let attempt = 0; attempt < deliveries; attempt++) {
        const payment = { invoiceId: invoice.id, amount: due, currency: invoice.currency, at: at.now() };
        const status = provider === 'xendit' ? await sendXenditPayment(env.secrets, payment) : await sendStripePayment(env.secrets, payment);
        api.stats.requests++;
        if (attempt > 0) api.stats.retries++;
        if (status !== 200) throw new Error(`the ${provider} webhook for invoice ${invoice.id} answered ${status}`);
      }
      paid.push({ id: invoice.id, tenant, amount: due, provider });
      count(counts, `paid by ${provider}${deliveries > 1 ? ' (webhook delivered twice)' : ''}`);
    }
    add(ledger.paid, invoice.currency, due);
  };
  // Page by page, the next page read while this one's invoices are paid (the requests stay in
  // flight instead of waiting for the whole list). Keyset pages: paying an invoice already listed
  // moves no later page. Each decision is drawn per invoice, so the order changes none of them.
  let next: Promise<{ data: TOpenInvoice[]; next_cursor: string | null }> | null = openInvoicesPage(api, null);
  while (next) {
    const page: { data: TOpenInvoice[]; next_cursor: string | null } = await next;
    next = page.next_cursor ? openInvoicesPage(api, page.next_cursor) : null;
    next?.catch(() => undefined); // awaited at the next turn; not an unhandled rejection while this page is paid
    const invoices = page.data.sort((a, b) => (tenantOf.get(a.organization_id)! - tenantOf.get(b.organization_id)!) || a.period_start.localeCompare(b.period_start) || a.total - b.total);
    await forEachBounded(invoices, concurrency, pay);
  }
  return paid;
}

type TOutcome = 'succeed' | 'fail' | 'pending';

/**
 * Refunds some of the invoices just paid (in part or in full). Provider refunds meet a fake in a
 * given mood, one mood at a time (the fakes have one mode each): succeeded at once, failed (the
 * reservation released), or pending — left for settleRefunds. Manual refunds succeed at once.
 */
export async function refundSome(env: TSimulationTarget, api: ApiClient, paid: TPaidInvoice[], ledger: TLedger, at: TTickAt, concurrency: number, counts: TActionCounts): Promise<void> {
  const chosen = paid
    .map((invoice) => ({ invoice, prng: new Prng(at.seed, invoice.tenant, at.month, at.tick, invoice.amount, 0x7ef) }))
    .filter(({ prng }) => prng.chance(0.04))
    // Where no provider may be called (the seed), only what was paid by bank transfer goes back, by hand.
    .filter(({ invoice }) => env.providers || invoice.provider === 'manual')
    .map(({ invoice, prng }) => ({ invoice, amount: prng.chance(0.5) ? invoice.amount : Math.max(1, Math.floor(invoice.amount * prng.int(10, 90) / 100)), outcome: prng.pick<TOutcome>(['succeed', 'succeed', 'succeed', 'fail', 'pending']), retry: prng.chance(0.05) }));
  for (const outcome of ['succeed', 'fail', 'pending'] as const) {
    const mode = outcome === 'succeed' ? { kind: 'succeed' as const } : outcome === 'fail' ? { kind: 'fail' as const } : { kind: 'pending' as const };
    if (env.providers) {
      env.providers.xendit.mode = mode;
      env.providers.stripe.mode = mode;
    }
    await forEachBounded(chosen.filter((refund) => refund.outcome === outcome), concurrency, async ({ invoice, amount, retry }) => {
      const answer = await api.post<{ status: string; refund: { id: string; currency: string } }>(`${API}/invoices/${invoice.id}/refund`, { reason: 'Simulated refund', amount }, { retry, route: '/invoices/{id}/refund' });
      if (answer.status !== 201) throw new Error(`refunding invoice ${invoice.id} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      const { status, refund } = answer.body;
      count(counts, `refund ${invoice.provider} ${status}`);
      if (status === 'succeeded') add(ledger.refunded, refund.currency, amount);
      if (status === 'pending' && invoice.provider !== 'manual') ledger.pending.push({ refundId: refund.id, provider: invoice.provider, amount, currency: refund.currency });
    });
  }
  if (env.providers) {
    env.providers.xendit.mode = { kind: 'succeed' };
    env.providers.stripe.mode = { kind: 'succeed' };
  }
}

/** Pending refunds: the provider settles them quietly (no webhook), and the reconciler (POST /refunds/reconcile) finds out. */
export async function settleRefunds(env: TSimulationTarget, api: ApiClient, ledger: TLedger, seed: number, counts: TActionCounts): Promise<void> {
  const pending = ledger.pending.splice(0);
  const providers = env.providers;
  if (!providers) return;
  for (const refund of pending) {
    const book = refund.provider === 'xendit' ? providers.xendit.book : providers.stripe.book;
    const held = [...book.refunds.values()].find((candidate) => candidate.idempotencyKey === refund.refundId || candidate.metadata.reference_id === refund.refundId || Object.values(candidate.metadata).includes(refund.refundId));
    if (!held) throw new Error(`refund ${refund.refundId} is not at the fake ${refund.provider}`);
    const succeeded = new Prng(seed, refund.amount, 0x5e7).chance(0.7);
    held.status = succeeded ? 'succeeded' : 'failed';
    if (!succeeded) held.failureCode = 'SIMULATED_FAILURE';
  }
  for (let start = 0; start < pending.length; start += 100) {
    const batch = pending.slice(start, start + 100);
    const answer = await api.post<{ succeeded: number; failed: number; still_pending: number; errors: unknown[] }>(`${API}/refunds/reconcile`, { refund_ids: batch.map((refund) => refund.refundId) }, { route: '/refunds/reconcile' });
    if (answer.status !== 200) throw new Error(`POST /refunds/reconcile answered ${answer.status}`);
    if (answer.body.still_pending > 0 || answer.body.errors.length > 0) throw new Error(`the reconciler left refunds pending: ${JSON.stringify(answer.body)}`);
    counts['refunds settled by the reconciler'] = (counts['refunds settled by the reconciler'] ?? 0) + answer.body.succeeded + answer.body.failed;
  }
  for (const refund of pending) {
    const book = refund.provider === 'xendit' ? providers.xendit.book : providers.stripe.book;
    const held = [...book.refunds.values()].find((candidate) => candidate.idempotencyKey === refund.refundId || Object.values(candidate.metadata).includes(refund.refundId));
    if (held?.status === 'succeeded') add(ledger.refunded, refund.currency, refund.amount);
  }
}
