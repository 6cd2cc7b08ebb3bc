import { listBillingRuns } from '@/lib/billing/runs/list-billing-runs';
import { runBilling } from '@/lib/billing/runs/run-billing';
import { ZBillingRunListQuery } from '@/lib/billing/runs/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseQuery } from '@/lib/http/parse';

// For an external scheduler: runs the billing run now and answers when it is done (no body).
export const POST = adminRoute(async ({ actor }) => json(await runBilling({ trigger: 'api', actor }), 201));

export const GET = adminRoute(async ({ request }) => json(await listBillingRuns(parseQuery(request, ZBillingRunListQuery))));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
