import { z } from 'zod';
import { ZMoneyInput, ZSlug, ZSortOrder, refineMoneyDecimals } from '@/lib/billing/shared/schemas';
import { ADDON_CURRENCY } from './addon-currency';

export { ADDON_CURRENCY };

export const ADDON_UNITS = ['flat', 'per_agent'] as const;
export const ZAddonUnit = z.enum(ADDON_UNITS, { error: 'Use "flat" or "per_agent".' });

const ZName = z.string({ error: 'Required.' }).trim().min(1, 'Required.').max(100, 'At most 100 characters.');

/** Optional free text; a blank description (what an emptied form field sends) is stored as null. */
const ZDescription = z
  .string({ error: 'A text, or null.' })
  .trim()
  .max(500, 'At most 500 characters.')
  .nullable()
  .transform((text) => (text === '' ? null : text));

/** A field that may not be sent at all, with the reason as its error (no mass assignment, SPEC §6). */
const fixedAfterCreation = (field: string) =>
  z.never({ error: `${field} cannot change after creation; create a new add-on instead.` }).optional();

const refinePrices = (addon: { price_monthly?: number; price_annual?: number }, ctx: z.RefinementCtx) =>
  refineMoneyDecimals(ctx, ADDON_CURRENCY, { price_monthly: addon.price_monthly, price_annual: addon.price_annual });

export const ZCreateAddonInput = z
  .strictObject({
    name: ZName,
    slug: ZSlug,
    description: ZDescription.optional(),
    price_monthly: ZMoneyInput,
    // Seed: annual defaults to monthly × 10 (applied by createAddon).
    price_annual: ZMoneyInput.optional(),
    unit: ZAddonUnit.default('flat'),
    sort_order: ZSortOrder.default(0),
  })
  .superRefine(refinePrices);

/** Seed: an update accepts name, description, prices, is_active and sort_order only. */
export const ZUpdateAddonInput = z
  .strictObject({
    name: ZName.optional(),
    description: ZDescription.optional(),
    price_monthly: ZMoneyInput.optional(),
    price_annual: ZMoneyInput.optional(),
    is_active: z.boolean({ error: 'true or false.' }).optional(),
    sort_order: ZSortOrder.optional(),
    slug: fixedAfterCreation('slug'),
    unit: fixedAfterCreation('unit'),
  })
  .superRefine(refinePrices);

export const ZAddon = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  price_monthly: z.number(),
  price_annual: z.number(),
  unit: ZAddonUnit,
  is_active: z.boolean(),
  sort_order: z.number().int(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

export type TAddonUnit = z.infer<typeof ZAddonUnit>;
export type TCreateAddonInput = z.output<typeof ZCreateAddonInput>;
export type TUpdateAddonInput = z.output<typeof ZUpdateAddonInput>;
export type TAddon = z.infer<typeof ZAddon>;
