import { db } from '@/lib/db';
import { addonToDto } from './addon-dto';
import type { TAddon } from './schemas';

/** Every add-on, active and inactive, by sort_order then created_at (SPEC §3). */
export async function listAddons(): Promise<TAddon[]> {
  const addons = await db().addon.findMany({ orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] });
  return addons.map(addonToDto);
}
