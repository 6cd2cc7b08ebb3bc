import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/auth/actor';
import { db, type Db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { API_KEY_REVOKED, WITH_CREATOR, apiKeysToDtos } from './api-key-dto';
import type { TApiKey } from './schemas';

/**
 * Revokes a key for good (there is no un-revoke: issue a new key). Idempotent: revoking a revoked
 * key returns it unchanged and writes no second audit entry, since nothing changed. `system` is the CLI.
 */
export async function revokeApiKey(
  rawId: string,
  actor: TActor | 'system',
  options: { requestId?: string; client?: Db } = {},
): Promise<TApiKey> {
  const id = parseId(rawId, 'API key');
  return (options.client ?? db()).$transaction(async (tx) => {
    // The condition makes concurrent revocations race-free: exactly one of them changes the row.
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    const key = await tx.apiKey.findUnique({ where: { id }, include: WITH_CREATOR });
    if (!key) throw notFound('API key');
    const [apiKey] = await apiKeysToDtos(tx, [key]);
    if (!apiKey) throw notFound('API key');
    if (count === 1) {
      await recordAudit(tx, actor, { action: API_KEY_REVOKED, entityType: 'api_key', entityId: id, before: { ...apiKey, revoked_at: null }, after: apiKey, requestId: options.requestId });
    }
    return apiKey;
  });
}
