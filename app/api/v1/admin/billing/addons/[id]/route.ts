import { getAddonOrThrow } from '@/lib/billing/addons/get-addon-or-throw';
import { ZUpdateAddonInput } from '@/lib/billing/addons/schemas';
import { updateAddon } from '@/lib/billing/addons/update-addon';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseId } from '@/lib/http/parse';
import { rowVersionSql } from '@/lib/db/row-versions';

type Params = { id: string };

export const GET = adminRoute<Params>(async ({ params }) => json(await getAddonOrThrow(params.id)), { versionSql: ({ params }) => rowVersionSql('addons', params.id) });

// SPEC §3: PUT is accepted as an alias of PATCH (a partial update). An unknown id is 404 before the body is judged.
export const PATCH = adminRoute<Params>(async ({ params, body, actor, requestId }) => {
  const id = parseId(params.id, 'add-on');
  return json(await updateAddon(id, body(ZUpdateAddonInput), actor, requestId));
});
export const PUT = PATCH;

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
