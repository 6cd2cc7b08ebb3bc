import { listAuditEntries } from '@/lib/audit/list-audit-entries';
import { ZAuditListQuery } from '@/lib/audit/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

export const GET = adminRoute(async ({ request }) => json(await listAuditEntries(parseQuery(request, ZAuditListQuery))));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
