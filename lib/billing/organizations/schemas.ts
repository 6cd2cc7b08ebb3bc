import { z } from 'zod';
import { ZSlug } from '@/lib/billing/shared/schemas';
import { ZSubscription } from '@/lib/billing/subscriptions/schemas';

const LIMIT_MESSAGE = 'Must be a whole number from 1 to 50.';

/**
 * GET /organizations: the Customers page and the tenant picker's typeahead. `search` is a
 * case-insensitive part of the name, or an organization's exact id when it is a UUID; empty lists
 * every organization. Filters on the current subscription (the live one, else the latest):
 * `plan_id`, `status` (`none`: never subscribed), `has_coupon`. By name (case-insensitive), then
 * id; keyset pages as in SPEC §3.2a, but at most 50.
 */
export const ZOrganizationSearchQuery = z.strictObject({
  search: z.string().trim().max(200, 'At most 200 characters.').optional().meta({ description: 'Part of the name, any case (`%` and `_` match themselves), or an exact organization id. Default: every organization.' }),
  plan_id: z.uuid({ error: 'Must be a plan id (UUID).' }).optional().meta({ description: 'Only organizations whose current subscription is on this plan. Default: any plan.' }),
  status: z.enum(['active', 'past_due', 'cancelled', 'none'], { error: 'One of "active", "past_due", "cancelled", "none".' }).optional().meta({ description: 'The current subscription\'s status; `none`: never subscribed. Default: any.' }),
  has_coupon: z.enum(['true', 'false'], { error: 'Either "true" or "false".' }).optional().meta({ description: '`true`: the current subscription holds a coupon; `false`: it does not. Default: either.' }),
  /** The customers whose current subscription holds this coupon (the coupons page links here). */
  coupon_id: z.uuid({ error: 'Must be a coupon id (UUID).' }).optional().meta({ description: 'Only organizations whose current subscription holds this coupon. Default: any.' }),
  limit: z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, 'At least 1.').max(50, 'At most 50.').default(20).meta({ description: 'Organizations per page, 1–50. Default: 20.' }),
  starting_after: z.uuid({ error: 'Must be an organization id from a previous page (next_cursor).' }).optional().meta({ description: "The previous page's `next_cursor`: the page after that organization. Default: the first page." }),
});

/** The current subscription as a list row shows it. */
export const ZOrganizationSubscriptionSummary = z.strictObject({
  id: z.uuid(),
  plan_id: z.uuid(),
  plan_name: z.string(),
  status: z.enum(['active', 'past_due', 'cancelled']),
  billing_cycle: z.enum(['monthly', 'annual']),
  cancel_at_period_end: z.boolean(),
  has_pending_change: z.boolean(),
  coupon_code: z.string().nullable(),
});

/** What an operator needs to tell tenants apart: names repeat ("Maju Jaya"), slugs and billing emails do not. */
export const ZOrganizationSummary = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  billing_email: z.string(),
  country: z.string(),
  subscription: ZOrganizationSubscriptionSummary.nullable(),
});

export const ZOrganizationPage = z.strictObject({ data: z.array(ZOrganizationSummary), has_more: z.boolean(), next_cursor: z.uuid().nullable() });

const ZCountry = z.string({ error: 'Required.' }).regex(/^[A-Za-z]{2}$/, 'An ISO 3166-1 alpha-2 code, e.g. "ID".').toUpperCase();
/** NPWP: 15 digits (or the 16-digit NIK-based form), dots and dashes allowed as written on the card. */
const ZTaxId = z
  .string()
  .trim()
  .regex(/^[0-9.\-\s]{15,24}$/, 'An NPWP of 15 or 16 digits, e.g. 01.234.567.8-901.000.')
  .refine((value) => [15, 16].includes(value.replace(/\D/g, '').length), 'An NPWP has 15 or 16 digits.');

export const ZCreateOrganizationInput = z.strictObject({
  name: z.string({ error: 'Required.' }).trim().min(1, 'Required.').max(200, 'At most 200 characters.'),
  slug: ZSlug,
  billing_email: z.email({ error: 'A valid email address.' }).max(254),
  country: ZCountry,
  tax_id: ZTaxId.nullable().optional(),
});

export const ZUpdateOrganizationInput = ZCreateOrganizationInput.partial();

export const ZOrganization = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  billing_email: z.string(),
  country: z.string(),
  tax_id: z.string().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

/** GET /organizations/{id}: the customer page's header. */
export const ZOrganizationDetail = ZOrganization.extend({
  subscription: ZSubscription.nullable(),
  /** The current subscription's MRR contribution (SPEC §7 rules), in its currency; 0 without one. */
  mrr: z.number(),
  currency: z.string().nullable(),
  /** Σ (total − amount_paid) of open invoices. */
  outstanding_amount: z.number(),
  counts: z.strictObject({ subscriptions: z.number().int(), invoices: z.number().int(), open_invoices: z.number().int(), refunds: z.number().int() }),
});

export type TOrganizationSearchQuery = z.output<typeof ZOrganizationSearchQuery>;
export type TOrganizationSummary = z.infer<typeof ZOrganizationSummary>;
export type TOrganizationPage = z.infer<typeof ZOrganizationPage>;
export type TCreateOrganizationInput = z.output<typeof ZCreateOrganizationInput>;
export type TUpdateOrganizationInput = z.output<typeof ZUpdateOrganizationInput>;
export type TOrganization = z.infer<typeof ZOrganization>;
export type TOrganizationDetail = z.infer<typeof ZOrganizationDetail>;
