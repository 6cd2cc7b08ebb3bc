'use server';

import { z } from 'zod';
import { createApiKey } from '@/lib/auth/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/auth/api-keys/revoke-api-key';
import { ZCreateApiKeyInput } from '@/lib/auth/api-keys/schemas';
import { runAdminAction } from '@/lib/http/admin-action';

// The console's writes: the same schemas and operations as POST /api-keys and /api-keys/{id}/revoke.
export async function createApiKeyAction(input: unknown) {
  return runAdminAction(ZCreateApiKeyInput, input, (data, actor) => createApiKey(data, actor));
}

export async function revokeApiKeyAction(id: unknown) {
  // Any string: revokeApiKey answers a non-UUID with 404, like the route.
  return runAdminAction(z.string(), id, (keyId, actor) => revokeApiKey(keyId, actor));
}
