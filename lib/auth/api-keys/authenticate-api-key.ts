import type { TActor } from '@/lib/auth/actor';
import { db, type Db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { hashApiKeySecret, isWellFormedApiKeySecret } from './api-key-secret';

/** How stale `last_used_at` may get: one write per key per interval, not one per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor for a bearer secret, or null when it is malformed, unknown or revoked. */
export async function authenticateApiKey(secret: string, client: Db = db()): Promise<TActor | null> {
  if (!isWellFormedApiKeySecret(secret)) return null;
  // Revocation is read on every request (no cache), so a revoked key stops working at once.
  const key = await client.apiKey.findUnique({ where: { secretHash: hashApiKeySecret(secret) } });
  if (!key || key.revokedAt) return null;
  touchLastUsed(key.id, key.lastUsedAt, client);
  return apiKeyActor(key);
}

export function apiKeyActor(key: { id: string; name: string; prefix: string; role: Role }): TActor {
  return { type: 'api_key', id: key.id, label: `API key ${key.name} (${key.prefix}…)`, role: key.role };
}

/**
 * Records the key's use when `last_used_at` is older than LAST_USED_RESOLUTION_MS. Fire and
 * forget: a failed timestamp write must not fail the request it describes. The condition repeats
 * the staleness check in SQL, so concurrent requests write it only once.
 */
export function touchLastUsed(id: string, lastUsedAt: Date | null, client: Db = db()): void {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() <= LAST_USED_RESOLUTION_MS) return;
  void client.apiKey
    .updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(Date.now() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: new Date() },
    })
    .catch(() => {});
}
