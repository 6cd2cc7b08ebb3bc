import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { addonToDto } from './addon-dto';
import type { TAddon } from './schemas';

export async function getAddonOrThrow(rawId: string): Promise<TAddon> {
  const addon = await db().addon.findUnique({ where: { id: parseId(rawId, 'add-on') } });
  if (!addon) throw notFound('add-on');
  return addonToDto(addon);
}
