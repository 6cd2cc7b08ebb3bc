import { createAddon } from '@/lib/billing/addons/create-addon';
import { listAddons } from '@/lib/billing/addons/list-addons';
import { ZAddon, ZCreateAddonInput } from '@/lib/billing/addons/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { respondList } from '@/lib/http/respond-list';

// JSON, or CSV for `Accept: text/csv` / `?format=csv`.
export const GET = adminRoute(async ({ request }) => respondList(request, { name: 'addons', schema: ZAddon }, await listAddons()));

export const POST = adminRoute(async ({ body, actor, requestId }) =>
  json(await createAddon(body(ZCreateAddonInput), actor, requestId), 201),
);
