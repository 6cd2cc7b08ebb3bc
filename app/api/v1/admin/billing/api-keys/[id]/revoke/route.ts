import { revokeApiKey } from '@/lib/auth/api-keys/revoke-api-key';
import { adminRoute, json } from '@/lib/http/admin-route';

/** Idempotent: revoking a revoked key returns it unchanged (200). */
export const POST = adminRoute<{ id: string }>(async ({ params, actor, requestId }) => json(await revokeApiKey(params.id, actor, { requestId })));

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
