import type { Addon } from '@/lib/generated/prisma/client';
import { moneyToJson } from '@/lib/money';
import type { TAddon } from './schemas';

/** An add-on row as the API shows it: seed field names, prices as JSON numbers in rupiah. */
export function addonToDto(addon: Addon): TAddon {
  return {
    id: addon.id,
    name: addon.name,
    slug: addon.slug,
    description: addon.description,
    price_monthly: moneyToJson(addon.priceMonthly),
    price_annual: moneyToJson(addon.priceAnnual),
    unit: addon.unit,
    is_active: addon.isActive,
    sort_order: addon.sortOrder,
    created_at: addon.createdAt.toISOString(),
    updated_at: addon.updatedAt.toISOString(),
  };
}
