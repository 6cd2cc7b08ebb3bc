import { createAddon } from '@/lib/billing/addons/create-addon';
import { listAddons } from '@/lib/billing/addons/list-addons';
import { ZAddon, ZCreateAddonInput } from '@/lib/billing/addons/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { jsonListRead, respondList } from '@/lib/http/respond-list';
import { tableVersionSql } from '@/lib/db/row-versions';

// JSON, or CSV for `Accept: text/csv` / `?format=csv`. The JSON has an ETag: If-None-Match → 304 (lib/http/conditional-get.ts).
export const GET = adminRoute(async ({ request }) => respondList(request, { name: 'addons', schema: ZAddon }, await listAddons()), {
  versionSql: jsonListRead(() => tableVersionSql('addons')) });

export const POST = adminRoute(async ({ body, actor, requestId }) =>
  json(await createAddon(body(ZCreateAddonInput), actor, requestId), 201),
);

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
