import { getBillingRunOrThrow } from '@/lib/billing/runs/get-billing-run-or-throw';
import { adminRoute, json } from '@/lib/http/admin-route';

export const GET = adminRoute<{ id: string }>(async ({ params }) => json(await getBillingRunOrThrow(params.id)));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
