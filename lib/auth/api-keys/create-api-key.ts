import { recordAudit } from '@/lib/audit/record-audit';
import { SYSTEM_ACTOR_LABEL, type TActor } from '@/lib/auth/actor';
import { db, type Db } from '@/lib/db';
import { API_KEY_CREATED, apiKeyToDto } from './api-key-dto';
import { generateApiKeySecret } from './api-key-secret';
import type { TCreateApiKeyInput, TCreatedApiKey } from './schemas';

/**
 * Issues a key. The secret is returned here and nowhere else: only its SHA-256 hash and display
 * prefix are stored, so it cannot be shown again. `system` is the CLI (scripts/api-key.ts).
 */
export async function createApiKey(
  input: TCreateApiKeyInput,
  actor: TActor | 'system',
  options: { requestId?: string; client?: Db } = {},
): Promise<TCreatedApiKey> {
  const { secret, prefix, secretHash } = generateApiKeySecret();
  return (options.client ?? db()).$transaction(async (tx) => {
    const key = await tx.apiKey.create({
      data: {
        name: input.name,
        role: input.role,
        prefix,
        secretHash,
        createdById: actor !== 'system' && actor.type === 'user' ? actor.id : null,
      },
    });
    const apiKey = apiKeyToDto(key, actor === 'system' ? SYSTEM_ACTOR_LABEL : actor.label);
    // The audit entry gets the DTO, which has neither the secret nor its hash.
    await recordAudit(tx, actor, { action: API_KEY_CREATED, entityType: 'api_key', entityId: key.id, after: apiKey, requestId: options.requestId });
    return { api_key: apiKey, secret };
  });
}
