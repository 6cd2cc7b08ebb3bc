import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { decimalFromJsonNumber } from '@/lib/money';
import { addonToDto } from './addon-dto';
import type { TAddon, TUpdateAddonInput } from './schemas';

/**
 * Applies a partial update (PATCH; PUT is an alias). slug and unit are fixed after creation (the
 * schema refuses them); an add-on is never deleted, only deactivated. Changing price_monthly does
 * not recompute the annual price, as with plans.
 */
export async function updateAddon(rawId: string, input: TUpdateAddonInput, actor: TActor, requestId?: string): Promise<TAddon> {
  const id = parseId(rawId, 'add-on');
  return db().$transaction(async (tx) => {
    // Row lock: concurrent updates of one add-on apply one after the other, each auditing what it saw.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM addons WHERE id = ${id}::uuid FOR UPDATE`;
    const current = locked.length ? await tx.addon.findUnique({ where: { id } }) : null;
    if (!current) throw notFound('add-on');
    const before = addonToDto(current);

    const updated = await tx.addon.update({
      where: { id },
      data: {
        name: input.name,
        description: input.description,
        priceMonthly: money(input.price_monthly),
        priceAnnual: money(input.price_annual),
        isActive: input.is_active,
        sortOrder: input.sort_order,
      },
    });
    const after = addonToDto(updated);
    await recordAudit(tx, actor, { action: 'addon.updated', entityType: 'addon', entityId: id, before, after, requestId });
    return after;
  });
}

const money = (value: number | undefined) => (value === undefined ? undefined : decimalFromJsonNumber(value).toString());
