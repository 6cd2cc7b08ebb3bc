import type { Role } from '@/lib/generated/prisma/enums';

/** Who is acting: a signed-in user or an API key. Recorded in the audit log and on refunds. */
export type TActor =
  | { type: 'user'; id: string; label: string; role: Role }
  | { type: 'api_key'; id: string; label: string; role: Role };

export const SYSTEM_ACTOR_LABEL = 'system';

/** The audit-log and refund columns that name an actor. */
export function actorColumns(actor: TActor) {
  return actor.type === 'user'
    ? { actorType: 'user' as const, actorUserId: actor.id, actorApiKeyId: null, actorLabel: actor.label }
    : { actorType: 'api_key' as const, actorUserId: null, actorApiKeyId: actor.id, actorLabel: actor.label };
}
