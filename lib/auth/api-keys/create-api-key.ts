import { createHash, randomBytes } from 'node:crypto';
import { db, type Db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import type { TActor } from './actor';

const SECRET_PREFIX = 'bk_';
const SECRET_PATTERN = /^bk_[A-Za-z0-9_-]{43}$/;
/** How stale `last_used_at` may get: one write per key per interval, not one per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new key: 256 random bits. Only its hash and a short display prefix are stored. */
export async function createApiKey(input: { name: string; role: Role; createdById?: string | null }, client: Db = db()) {
  const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
  const apiKey = await client.apiKey.create({
    data: {
      name: input.name,
      role: input.role,
      prefix: secret.slice(0, 11),
      secretHash: hashApiKeySecret(secret),
      createdById: input.createdById ?? null,
    },
  });
  return { apiKey, secret };
}

/** The actor for a bearer secret, or null when it is malformed, unknown or revoked. */
export async function authenticateApiKey(secret: string, client: Db = db()): Promise<TActor | null> {
  if (!SECRET_PATTERN.test(secret)) return null;
  const key = await client.apiKey.findUnique({ where: { secretHash: hashApiKeySecret(secret) } });
  if (!key || key.revokedAt) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Fire and forget: a failed timestamp write must not fail the request it describes.
    void client.apiKey
      .updateMany({
        where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(Date.now() - LAST_USED_RESOLUTION_MS) } }] },
        data: { lastUsedAt: new Date() },
      })
      .catch(() => {});
  }
  return { type: 'api_key', id: key.id, label: `API key ${key.name} (${key.prefix}…)`, role: key.role };
}
