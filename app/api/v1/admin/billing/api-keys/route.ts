import { createApiKey } from '@/lib/auth/api-keys/create-api-key';
import { listApiKeys } from '@/lib/auth/api-keys/list-api-keys';
import { ZCreateApiKeyInput } from '@/lib/auth/api-keys/schemas';
import { conflict } from '@/lib/errors';
import { adminRoute, json } from '@/lib/http/admin-route';
import { errorResponse } from '@/lib/http/error-response';
import { replayAs } from '@/lib/http/idempotency';

export const GET = adminRoute(async () => json(await listApiKeys()));

// 201 { api_key, secret }. An Idempotency-Key retry cannot replay the secret (it is never stored),
// so the retry learns which key its first attempt created instead.
export const POST = adminRoute(async ({ body, actor, requestId }) => {
  const created = await createApiKey(body(ZCreateApiKeyInput), actor, { requestId });
  const { id, prefix } = created.api_key;
  const notReplayable = conflict(
    'api_key_secret_not_replayable',
    `This Idempotency-Key already created API key ${prefix}… (${id}). Its secret is shown only once and is not stored, so it cannot be replayed: revoke that key if the secret was lost, and create a new one.`,
    { api_key_id: id },
  );
  return replayAs(json(created, 201), errorResponse(notReplayable, requestId));
});

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
