import { randomUUID } from 'node:crypto';
import type { TActor } from '@/lib/auth/actor';
import { insertInvoices, type TInvoiceDraft } from '@/lib/billing/invoices/insert-invoices';
import { now } from '@/lib/clock';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { answerInTransactionSql } from '@/lib/http/idempotency';
import { changePrefetch, computeChange } from './compute-change';
import { lockSubscriptionWith } from './lock-subscription';
import type { TChangeResult, TChangeSubscriptionInput } from './schemas';
import { subscriptionToDto, type TSubscriptionRow } from './subscription-dto';
import { subscriptionUpdate, updateSubscription } from './update-subscription';

/**
 * POST /subscriptions/{id}/change (SPEC §10). Behind the subscription's row lock: computes the
 * change exactly as the preview does, refuses it (409 subscription_changed) when `preview_id` no
 * longer matches, then either applies it now — new terms, and the invoice of the difference
 * issued at once — or stores it as the pending change for the period end (replacing any other).
 */
export async function changeSubscription(rawId: string, body: TChangeSubscriptionInput, actor: TActor, requestId?: string): Promise<TChangeResult> {
  return db().$transaction(async (tx) => {
    // With the subscription, in the same statement: the catalog rows the body names and the
    // period's priced invoice (a change now credits its unused days).
    const { sub, plans, addons, pricedInvoice } = await lockSubscriptionWith(tx, rawId, changePrefetch(body));
    const at = now();
    const change = await computeChange(tx, sub, body, at, config().TAX_RATE, { plans, addons, pricedInvoice: pricedInvoice ?? null });
    if (body.preview_id && body.preview_id !== change.preview.preview_id) {
      throw conflict('subscription_changed', 'The subscription or its prices changed since the preview: preview the change again and confirm what it shows.', { preview: change.preview });
    }
    const before = subscriptionToDto(sub);

    if (change.timing === 'period_end') {
      // The pending change and its audit entry: one statement.
      const updated = await updateSubscription(tx, sub, { pendingChange: change.pendingChange, updatedAt: at }, {}, {
        actor, entry: { action: 'subscription.change_scheduled', requestId, before }, auditAfter: { invoice_id: null, coupon_removed: change.couponRemoved?.code ?? null },
        answer: (row) => ({ subscription: subscriptionToDto(row), invoice_id: null }) satisfies TChangeResult,
      });
      return { subscription: subscriptionToDto(updated), invoice_id: null };
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
    // per (subscription, kind, period).
    const result: TChangeResult = { subscription: after, invoice_id: invoiceId };
    // The request's answer is stored for its Idempotency-Key by the same statement (answerInTransactionSql).
    await insertInvoices(tx, [invoice], actor, [audit], [update, answerInTransactionSql(result)].filter((write) => write !== null));
    return result;
  });
}

/** The add-ons (and flat quantities) stay as they are: nothing to rewrite. */
function sameAddons(sub: TSubscriptionRow, target: readonly { addon: { id: string }; quantity: number }[]): boolean {
  const key = (items: { id: string; quantity: number }[]) => items.map((item) => `${item.id}:${item.quantity}`).sort().join(',');
  return key(sub.addons.map((item) => ({ id: item.addonId, quantity: item.quantity }))) === key(target.map((item) => ({ id: item.addon.id, quantity: item.quantity })));
}
