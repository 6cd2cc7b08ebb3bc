import { z } from 'zod';
import { ZCouponCode } from '@/lib/billing/coupons/schemas';
import { ZCurrency } from '@/lib/billing/shared/schemas';

/** SPEC §10: subscriptions, their changes, coupons and cancellation. */
export const ZBillingCycle = z.enum(['monthly', 'annual'], { error: 'Either "monthly" or "annual".' });
export const ZSubscriptionStatus = z.enum(['active', 'past_due', 'cancelled'], { error: 'One of "active", "past_due", "cancelled".' });
export const ZTiming = z.enum(['now', 'period_end'], { error: 'Either "now" or "period_end".' });

const ZAgentCount = z.number({ error: 'Must be a whole number.' }).int('Must be a whole number.').min(1, 'At least 1 agent.').max(100_000, 'At most 100,000 agents.');
const ZId = (what: string) => z.uuid({ error: `Must be ${what} id (UUID).` });

/**
 * Add-ons of a subscription. A per-agent add-on's quantity is the agent count, always (SPEC §10):
 * its `quantity` may be omitted; a flat one defaults to 1. Each add-on at most once.
 */
export const ZAddonItemInput = z.strictObject({
  addon_id: ZId('an add-on'),
  quantity: z.number({ error: 'Must be a whole number.' }).int('Must be a whole number.').min(1, 'At least 1.').max(10_000, 'At most 10,000.').optional(),
});
const ZAddonItems = z
  .array(ZAddonItemInput)
  .max(50, 'At most 50 add-ons.')
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const id = item.addon_id.toLowerCase();
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index, 'addon_id'], message: 'This add-on is listed twice.' });
      seen.add(id);
    });
  });

export const ZCreateSubscriptionInput = z.strictObject({
  organization_id: ZId('an organization'),
  plan_id: ZId('a plan'),
  billing_cycle: ZBillingCycle,
  agent_count: ZAgentCount,
  addons: ZAddonItems.optional(),
  coupon_code: ZCouponCode.optional(),
});

/** A change names at least one of plan, cycle, agents or add-ons; `addons` replaces the whole list. */
export const ZChangeSubscriptionInput = z
  .strictObject({
    plan_id: ZId('a plan').optional(),
    billing_cycle: ZBillingCycle.optional(),
    agent_count: ZAgentCount.optional(),
    addons: ZAddonItems.optional(),
    timing: ZTiming.optional(),
    /** From the preview the operator confirmed (change only): 409 subscription_changed when stale. */
    preview_id: z.string().regex(/^[0-9a-f]{64}$/, 'Must be the preview_id of a preview.').optional(),
  })
  .refine((body) => body.plan_id !== undefined || body.billing_cycle !== undefined || body.agent_count !== undefined || body.addons !== undefined, {
    message: 'Name at least one of plan_id, billing_cycle, agent_count, addons.',
    path: ['plan_id'],
  });

export const ZApplyCouponInput = z.strictObject({ code: ZCouponCode });

export const ZCancelSubscriptionInput = z.strictObject({
  at: z.enum(['period_end', 'now'], { error: 'Either "period_end" or "now".' }).default('period_end'),
  reason: z.string({ error: 'Required.' }).trim().min(1, 'Say why (at most 500 characters).').max(500, 'At most 500 characters.'),
});

export const ZReasonlessInput = z.strictObject({});

export const ZSubscriptionListQuery = z.strictObject({
  organization_id: ZId('an organization').optional().meta({ description: 'Only this organization\'s subscriptions. Default: every organization.' }),
  plan_id: ZId('a plan').optional().meta({ description: 'Only subscriptions on this plan. Default: any plan.' }),
  status: ZSubscriptionStatus.optional().meta({ description: 'Only subscriptions in this status. Default: any.' }),
  limit: z.coerce.number({ error: 'Must be a whole number from 1 to 100.' }).int('Must be a whole number from 1 to 100.').min(1, 'At least 1.').max(100, 'At most 100.').default(25).meta({ description: 'Subscriptions per page, 1–100. Default: 25.' }),
  starting_after: z.uuid({ error: 'Must be a subscription id from a previous page (next_cursor).' }).optional().meta({ description: "The previous page's `next_cursor`: the page after that subscription. Default: the first page." }),
});

const ZMoney = z.number();
const ZTime = z.iso.datetime();
const ZAddonItem = z.strictObject({ addon_id: z.uuid(), quantity: z.number().int() });

/** The change scheduled for the period end (stored in subscriptions.pending_change). */
export const ZPendingChange = z.strictObject({
  plan_id: z.uuid(),
  billing_cycle: ZBillingCycle,
  agent_count: z.number().int(),
  addons: z.array(ZAddonItem),
  effective_at: ZTime,
  requested_at: ZTime,
  /** The coupon the change removes (restricted to other plans), or null. */
  removes_coupon: z.string().nullable(),
});

export const ZSubscriptionCoupon = z.strictObject({ coupon_id: z.uuid(), code: z.string(), cycles_left: z.number().int().nullable() });

export const ZSubscription = z.strictObject({
  id: z.uuid(),
  organization_id: z.uuid(),
  plan_id: z.uuid(),
  plan_name: z.string(),
  status: ZSubscriptionStatus,
  billing_cycle: ZBillingCycle,
  currency: ZCurrency,
  agent_count: z.number().int(),
  addons: z.array(ZAddonItem),
  coupon: ZSubscriptionCoupon.nullable(),
  current_period_start: ZTime,
  current_period_end: ZTime,
  cancel_at_period_end: z.boolean(),
  cancelled_at: ZTime.nullable(),
  pending_change: ZPendingChange.nullable(),
  created_at: ZTime,
  updated_at: ZTime,
});

export const ZSubscriptionPage = z.strictObject({ data: z.array(ZSubscription), has_more: z.boolean(), next_cursor: z.uuid().nullable() });

const ZPreviewLine = z.strictObject({ kind: z.string(), description: z.string(), quantity: z.number().int(), unit_amount: ZMoney, amount: ZMoney });
const ZInvoiceEstimate = z.strictObject({ subtotal: ZMoney, discount: ZMoney, tax: ZMoney, total: ZMoney });

export const ZChangePreview = z.strictObject({
  timing: ZTiming,
  effective_at: ZTime,
  currency: ZCurrency,
  lines: z.array(ZPreviewLine),
  invoice_now: ZInvoiceEstimate.nullable(),
  next_invoice: ZInvoiceEstimate.extend({ period_start: ZTime, lines: z.array(ZPreviewLine) }),
  mrr_before: ZMoney,
  mrr_after: ZMoney,
  /** The coupon the change removes because it is restricted to other plans, or null. */
  coupon_removed: z.strictObject({ coupon_id: z.uuid(), code: z.string() }).nullable(),
  preview_id: z.string(),
});

/** A change answers the subscription and, for a change now, the invoice it issued. */
export const ZChangeResult = z.strictObject({
  subscription: ZSubscription,
  invoice_id: z.uuid().nullable(),
});

export type TCreateSubscriptionInput = z.output<typeof ZCreateSubscriptionInput>;
export type TChangeSubscriptionInput = z.output<typeof ZChangeSubscriptionInput>;
export type TCancelSubscriptionInput = z.output<typeof ZCancelSubscriptionInput>;
export type TSubscriptionListQuery = z.output<typeof ZSubscriptionListQuery>;
export type TAddonItemInput = z.infer<typeof ZAddonItemInput>;
export type TPendingChange = z.infer<typeof ZPendingChange>;
export type TSubscription = z.infer<typeof ZSubscription>;
export type TSubscriptionPage = z.infer<typeof ZSubscriptionPage>;
export type TChangePreview = z.infer<typeof ZChangePreview>;
export type TChangeResult = z.infer<typeof ZChangeResult>;
