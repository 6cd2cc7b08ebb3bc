'use server';

import { createAddon } from '@/lib/billing/addons/create-addon';
import { ZCreateAddonInput, ZUpdateAddonInput } from '@/lib/billing/addons/schemas';
import { updateAddon } from '@/lib/billing/addons/update-addon';
import { runAdminAction } from '@/lib/http/admin-action';

// The console's writes: the same schemas and operations as POST/PATCH /api/v1/admin/billing/addons.
export async function createAddonAction(input: unknown) {
  return runAdminAction(ZCreateAddonInput, input, (data, actor) => createAddon(data, actor));
}

export async function updateAddonAction(id: string, input: unknown) {
  return runAdminAction(ZUpdateAddonInput, input, (data, actor) => updateAddon(id, data, actor));
}
