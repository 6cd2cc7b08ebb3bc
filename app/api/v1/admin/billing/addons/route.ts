import { createAddon } from '@/lib/billing/addons/create-addon';
import { listAddons } from '@/lib/billing/addons/list-addons';
import { ZCreateAddonInput } from '@/lib/billing/addons/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';

export const GET = adminRoute(async () => json(await listAddons()));

export const POST = adminRoute(async ({ body, actor, requestId }) =>
  json(await createAddon(body(ZCreateAddonInput), actor, requestId), 201),
);
