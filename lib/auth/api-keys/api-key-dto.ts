import type { Tx } from '@/lib/db';
import type { ApiKey } from '@/lib/generated/prisma/client';
import type { TApiKey } from './schemas';

export const API_KEY_CREATED = 'api_key.created';
export const API_KEY_REVOKED = 'api_key.revoked';

/** Load keys with this `include` so apiKeysToDtos can name their creators. */
export const WITH_CREATOR = { createdBy: { select: { email: true } } } as const;
type ApiKeyWithCreator = ApiKey & { createdBy: { email: string } | null };

/** A key as the API shows it. Picks fields one by one so the hash can never slip through. */
export function apiKeyToDto(key: ApiKey, createdBy: string | null): TApiKey {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    prefix: key.prefix,
    created_at: key.createdAt.toISOString(),
    created_by: createdBy,
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Keys with who created them. `api_keys.created_by_id` names users only, so a key issued by another
 * key or by the CLI is attributed through its creation audit entry, which records every actor.
 */
export async function apiKeysToDtos(client: Tx, keys: ApiKeyWithCreator[]): Promise<TApiKey[]> {
  const unattributed = keys.filter((key) => !key.createdBy).map((key) => key.id);
  const entries = unattributed.length
    ? await client.auditLogEntry.findMany({
        where: { entityType: 'api_key', action: API_KEY_CREATED, entityId: { in: unattributed } },
        select: { entityId: true, actorLabel: true },
      })
    : [];
  const labels = new Map(entries.map((entry) => [entry.entityId, entry.actorLabel]));
  return keys.map((key) => apiKeyToDto(key, key.createdBy?.email ?? labels.get(key.id) ?? null));
}
