import { randomUUID } from 'node:crypto';
import type { TActor } from '@/lib/auth/actor';
import { FIRST_WRITE_RETURNED, insertInvoices, type TInvoiceDraft } from '@/lib/billing/invoices/insert-invoices';
import { now } from '@/lib/clock';
import { config } from '@/lib/config';
import { db, type Db, type Tx } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { answerInTransactionSql } from '@/lib/http/idempotency';
import { changePrefetch, computeChange, type TComputedChange } from './compute-change';
import { actOnSubscription, lockSubscriptionWith, MOVED, type TLocked } from './lock-subscription';
import type { TChangeResult, TChangeSubscriptionInput } from './schemas';
import { subscriptionToDto, type TSubscriptionRow } from './subscription-dto';
import { subscriptionUpdate, updateSubscription, updateSubscriptionAt } from './update-subscription';

/**
 * POST /subscriptions/{id}/change (SPEC §10). From the subscription as read: computes the change
 * exactly as the preview does, refuses it (409 subscription_changed) when `preview_id` no longer
 * matches, then either applies it now — new terms, and the invoice of the difference issued at
 * once — or stores it as the pending change for the period end (replacing any other).
 *
 * Without a transaction in the usual case (actOnSubscription): the read, then one statement that
 * writes only while the subscription is still the version read (else it is read and decided
 * again). A change now that replaces add-ons writes them in statements of their own, so it runs
 * in a transaction behind the row lock instead.
 */
export async function changeSubscription(rawId: string, body: TChangeSubscriptionInput, actor: TActor, requestId?: string): Promise<TChangeResult> {
  // With the subscription, in the same statement: the catalog rows the body names and the
  // period's priced invoice (a change now credits its unused days).
  const prefetch = changePrefetch(body);
  const answer = await actOnSubscription(rawId, prefetch, async (read, version) => {
    const decided = await decide(db(), read, body);
    if (decided.change.timing === 'now' && !sameAddons(read.sub, decided.change.target.addons)) return BEHIND_THE_LOCK;
    return apply(db(), read.sub, decided, actor, requestId, version);
  });
  if (answer !== BEHIND_THE_LOCK) return answer;
  return db().$transaction(async (tx) => {
    const read = await lockSubscriptionWith(tx, rawId, prefetch);
    // Behind the lock the row cannot move: apply answers the result, never MOVED.
    return (await apply(tx, read.sub, await decide(tx, read, body), actor, requestId)) as TChangeResult;
  });
}

const BEHIND_THE_LOCK = Symbol('behind the row lock');

interface TDecided {
  change: TComputedChange;
  at: Date;
}

/** The change computed from the subscription as read; a refusal throws (nothing written). */
async function decide(tx: Tx | Db, { sub, plans, addons, pricedInvoice }: TLocked, body: TChangeSubscriptionInput): Promise<TDecided> {
  const at = now();
  const change = await computeChange(tx, sub, body, at, config().TAX_RATE, { plans, addons, pricedInvoice: pricedInvoice ?? null });
  if (body.preview_id && body.preview_id !== change.preview.preview_id) {
    throw conflict('subscription_changed', 'The subscription or its prices changed since the preview: preview the change again and confirm what it shows.', { preview: change.preview });
  }
  return { change, at };
}

/**
 * Writes the change: in the caller's transaction behind the row lock, or — given the `version`
 * read — as one statement that writes only while the row is still that version (MOVED when not).
 */
async function apply(tx: Tx | Db, sub: TSubscriptionRow, { change, at }: TDecided, actor: TActor, requestId: string | undefined, version?: string): Promise<TChangeResult | typeof MOVED> {
  const before = subscriptionToDto(sub);
  if (change.timing === 'period_end') {
    // The pending change and its audit entry: one statement.
    const patch = { pendingChange: change.pendingChange, updatedAt: at };
    const audit = {
      actor, entry: { action: 'subscription.change_scheduled', requestId, before }, auditAfter: { invoice_id: null, coupon_removed: change.couponRemoved?.code ?? null },
      answer: (row: TSubscriptionRow) => ({ subscription: subscriptionToDto(row), invoice_id: null }) satisfies TChangeResult,
    };
    const updated = version === undefined ? await updateSubscription(tx as Tx, sub, patch, {}, audit) : await updateSubscriptionAt({ version }, sub, patch, {}, audit);
    return updated ? { subscription: subscriptionToDto(updated), invoice_id: null } : MOVED;
  }

  const { target, invoiceNow, newPeriod, couponRemoved } = change;
  // The new terms are written by the invoice's statement (a CTE of insertInvoices): one round trip.
  const { after: updated, update } = await subscriptionUpdate(
    tx,
    sub,
    {
      planId: target.plan.id, billingCycle: target.billingCycle, agentCount: target.agentCount, pendingChange: null,
      ...(newPeriod ? { billingAnchor: newPeriod.start, currentPeriodStart: newPeriod.start, currentPeriodEnd: newPeriod.end } : {}),
      ...(couponRemoved ? { couponId: null, couponCyclesUsed: 0 } : invoiceNow!.spendsCycle ? { couponCyclesUsed: sub.couponCyclesUsed + 1 } : {}),
      updatedAt: at,
    },
    { plan: target.plan, ...(couponRemoved ? { coupon: null } : {}), ...(sameAddons(sub, target.addons) ? {} : { addons: target.addons }) },
    version === undefined ? undefined : { version },
  );
  const after = subscriptionToDto(updated);
  const invoiceId = randomUUID();
  const invoice: TInvoiceDraft = {
    id: invoiceId, organizationId: sub.organizationId, subscriptionId: sub.id, planId: target.plan.id, currency: sub.currency,
    kind: invoiceNow!.kind, periodStart: invoiceNow!.periodStart, periodEnd: invoiceNow!.periodEnd,
    computed: { ...invoiceNow!.invoice, currency: sub.currency }, couponId: invoiceNow!.couponId, issuedAt: at, dueAt: new Date(at.getTime() + 14 * 86_400_000),
    ...(requestId ? { audit: { request_id: requestId } } : {}),
  };
  const audit = {
    action: 'subscription.changed', entityType: 'subscription', entityId: sub.id, requestId,
    before, after: { ...after, invoice_id: invoiceId, coupon_removed: couponRemoved?.code ?? null },
  };
  // The invoice of the difference as the transaction's last statement (with the audit entry): the
  // month's number counter is locked from it to the commit. Gap-free month numbers, one invoice
  // per (subscription, kind, period). Outside a transaction, everything only with the guarded
  // UPDATE (FIRST_WRITE_RETURNED): the terms, the invoice, the audit entries and the stored answer.
  const result: TChangeResult = { subscription: after, invoice_id: invoiceId };
  const onlyIf = version === undefined ? undefined : FIRST_WRITE_RETURNED;
  // The request's answer is stored for its Idempotency-Key by the same statement (answerInTransactionSql).
  const writes = [update, answerInTransactionSql(result, 200, onlyIf)].filter((write) => write !== null);
  const numbered = await insertInvoices(tx, [invoice], actor, [audit], writes, onlyIf);
  return numbered.size > 0 ? result : MOVED;
}

/** The add-ons (and flat quantities) stay as they are: nothing to rewrite. */
function sameAddons(sub: TSubscriptionRow, target: readonly { addon: { id: string }; quantity: number }[]): boolean {
  const key = (items: { id: string; quantity: number }[]) => items.map((item) => `${item.id}:${item.quantity}`).sort().join(',');
  return key(sub.addons.map((item) => ({ id: item.addonId, quantity: item.quantity }))) === key(target.map((item) => ({ id: item.addon.id, quantity: item.quantity })));
}
