import { db, type Db } from '@/lib/db';
import { WITH_CREATOR, apiKeysToDtos } from './api-key-dto';
import type { TApiKey } from './schemas';

/** Every key, active and revoked, newest first. Revoked keys stay listed: they explain audit entries. */
export async function listApiKeys(client: Db = db()): Promise<TApiKey[]> {
  const keys = await client.apiKey.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: WITH_CREATOR });
  return apiKeysToDtos(client, keys);
}
