import { z } from 'zod';

const LIMIT_MESSAGE = 'Must be a whole number from 1 to 50.';

/**
 * GET /organizations: the tenant picker's typeahead. `search` is a case-insensitive part of the
 * name, or an organization's exact id when it is a UUID; empty lists every organization. By name
 * (case-insensitive), then id; keyset pages as in SPEC §3.2a, but at most 50: a picker shows a
 * screenful, never a table.
 */
export const ZOrganizationSearchQuery = z.strictObject({
  search: z.string().trim().max(200, 'At most 200 characters.').optional().meta({ description: 'Part of the name, any case (`%` and `_` match themselves), or an exact organization id. Default: every organization.' }),
  limit: z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, 'At least 1.').max(50, 'At most 50.').default(20).meta({ description: 'Organizations per page, 1–50. Default: 20.' }),
  starting_after: z.uuid({ error: 'Must be an organization id from a previous page (next_cursor).' }).optional().meta({ description: "The previous page's `next_cursor`: the page after that organization. Default: the first page." }),
});

/** What an operator needs to tell tenants apart: names repeat ("Maju Jaya"), slugs and billing emails do not. */
export const ZOrganizationSummary = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  billing_email: z.string(),
  country: z.string(),
});

export const ZOrganizationPage = z.strictObject({ data: z.array(ZOrganizationSummary), has_more: z.boolean(), next_cursor: z.uuid().nullable() });

export type TOrganizationSearchQuery = z.output<typeof ZOrganizationSearchQuery>;
export type TOrganizationSummary = z.infer<typeof ZOrganizationSummary>;
export type TOrganizationPage = z.infer<typeof ZOrganizationPage>;
