import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/billing/shared/unique-violation';
import { db } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { decimalFromJsonNumber } from '@/lib/money';
import { addonToDto } from './addon-dto';
import { ADDON_CURRENCY, type TAddon, type TCreateAddonInput } from './schemas';

export async function createAddon(input: TCreateAddonInput, actor: TActor, requestId?: string): Promise<TAddon> {
  const monthly = decimalFromJsonNumber(input.price_monthly);
  try {
    return await db().$transaction(async (tx) => {
      const addon = await tx.addon.create({
        data: {
          name: input.name,
          slug: input.slug,
          description: input.description ?? null,
          currency: ADDON_CURRENCY,
          priceMonthly: monthly.toString(),
          // Seed: "price_annual = price_monthly * 10" when not given (decimal math, never floats).
          priceAnnual: (input.price_annual === undefined ? monthly.times(10) : decimalFromJsonNumber(input.price_annual)).toString(),
          unit: input.unit,
          sortOrder: input.sort_order,
        },
      });
      const dto = addonToDto(addon);
      await recordAudit(tx, actor, { action: 'addon.created', entityType: 'addon', entityId: addon.id, after: dto, requestId });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'slug')) throw addonSlugTaken(input.slug);
    throw error;
  }
}

export const addonSlugTaken = (slug: string) =>
  conflict('slug_taken', `The slug "${slug}" is already used by another add-on.`, undefined, [{ path: 'slug', message: 'This slug is already taken.' }]);
