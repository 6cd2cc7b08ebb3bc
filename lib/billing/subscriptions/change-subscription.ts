import { randomUUID } from 'node:crypto';
import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { insertInvoices, type TInvoiceDraft } from '@/lib/billing/invoices/insert-invoices';
import { now } from '@/lib/clock';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { computeChange } from './compute-change';
import { lockSubscription } from './lock-subscription';
import type { TChangeResult, TChangeSubscriptionInput } from './schemas';
import { SUBSCRIPTION_INCLUDE, subscriptionToDto, type TSubscriptionRow } from './subscription-dto';

/**
 * POST /subscriptions/{id}/change (SPEC §10). Behind the subscription's row lock: computes the
 * change exactly as the preview does, refuses it (409 subscription_changed) when `preview_id` no
 * longer matches, then either applies it now — new terms, and the invoice of the difference
 * issued at once — or stores it as the pending change for the period end (replacing any other).
 */
export async function changeSubscription(rawId: string, body: TChangeSubscriptionInput, actor: TActor, requestId?: string): Promise<TChangeResult> {
  return db().$transaction(async (tx) => {
    const sub = await lockSubscription(tx, rawId);
    const at = now();
    const change = await computeChange(tx, sub, body, at, config().TAX_RATE);
    if (body.preview_id && body.preview_id !== change.preview.preview_id) {
      throw conflict('subscription_changed', 'The subscription or its prices changed since the preview: preview the change again and confirm what it shows.', { preview: change.preview });
    }
    const before = subscriptionToDto(sub);

    let invoiceId: string | null = null;
    let invoice: TInvoiceDraft | null = null;
    // The update answers with the subscription as it now is (its plan, coupon and add-ons joined): no read-back.
    let updated: TSubscriptionRow;
    if (change.timing === 'period_end') {
      updated = await tx.subscription.update({ where: { id: sub.id }, data: { pendingChange: change.pendingChange as Prisma.InputJsonValue, updatedAt: at }, include: SUBSCRIPTION_INCLUDE });
    } else {
      const { target, invoiceNow, newPeriod, couponRemoved } = change;
      await tx.subscriptionAddon.deleteMany({ where: { subscriptionId: sub.id } });
      if (target.addons.length) {
        await tx.subscriptionAddon.createMany({ data: target.addons.map(({ addon, quantity }) => ({ subscriptionId: sub.id, addonId: addon.id, quantity, createdAt: at })) });
      }
      updated = await tx.subscription.update({
        where: { id: sub.id },
        include: SUBSCRIPTION_INCLUDE,
        data: {
          planId: target.plan.id, billingCycle: target.billingCycle, agentCount: target.agentCount, pendingChange: Prisma.DbNull,
          ...(newPeriod ? { billingAnchor: newPeriod.start, currentPeriodStart: newPeriod.start, currentPeriodEnd: newPeriod.end } : {}),
          ...(couponRemoved ? { couponId: null, couponCyclesUsed: 0 } : invoiceNow?.spendsCycle ? { couponCyclesUsed: { increment: 1 } } : {}),
          updatedAt: at,
        },
      });
      // Written last (below), through the one invoice writer.
      invoiceId = randomUUID();
      invoice = {
        id: invoiceId, organizationId: sub.organizationId, subscriptionId: sub.id, planId: target.plan.id, currency: sub.currency,
        kind: invoiceNow!.kind, periodStart: invoiceNow!.periodStart, periodEnd: invoiceNow!.periodEnd,
        computed: { ...invoiceNow!.invoice, currency: sub.currency }, couponId: invoiceNow!.couponId, issuedAt: at, dueAt: new Date(at.getTime() + 14 * 86_400_000),
        ...(requestId ? { audit: { request_id: requestId } } : {}),
      };
    }

    const after = subscriptionToDto(updated);
    const audit = {
      action: change.timing === 'now' ? 'subscription.changed' : 'subscription.change_scheduled', entityType: 'subscription', entityId: sub.id, requestId,
      before, after: { ...after, invoice_id: invoiceId, coupon_removed: change.couponRemoved?.code ?? null },
    };
    // The invoice of the difference as the transaction's last statement (with the audit entry): the
    // month's number counter is locked from it to the commit. Gap-free month numbers, one invoice
    // per (subscription, kind, period).
    if (invoice) await insertInvoices(tx, [invoice], actor, [audit]);
    else await recordAudit(tx, actor, audit);
    return { subscription: after, invoice_id: invoiceId };
  });
}
