import { z } from 'zod';

export const API_KEY_ROLES = ['super_admin', 'admin', 'support'] as const;
export const ZApiKeyRole = z.enum(API_KEY_ROLES, { error: `Use one of ${API_KEY_ROLES.join(', ')}.` });

/** POST /api-keys and the console's create dialog. The role is explicit: only super_admin keys may call this API. */
export const ZCreateApiKeyInput = z.strictObject({
  name: z.string({ error: 'Required.' }).trim().min(1, 'Required.').max(100, 'At most 100 characters.'),
  role: ZApiKeyRole,
});

/** A key as the API and console show it: never its secret, never its hash. */
export const ZApiKey = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  role: ZApiKeyRole,
  /** The first 11 characters of the secret (`bk_` + 8), enough to recognise a key. */
  prefix: z.string(),
  created_at: z.iso.datetime(),
  /** Who issued it: the user's email, the issuing key's label, `system` (CLI), or null when unknown. */
  created_by: z.string().nullable(),
  last_used_at: z.iso.datetime().nullable(),
  revoked_at: z.iso.datetime().nullable(),
});

/** The only response that ever carries the secret: the one that created the key. */
export const ZCreatedApiKey = z.strictObject({ api_key: ZApiKey, secret: z.string() });

export type TApiKeyRole = z.infer<typeof ZApiKeyRole>;
export type TCreateApiKeyInput = z.output<typeof ZCreateApiKeyInput>;
export type TApiKey = z.infer<typeof ZApiKey>;
export type TCreatedApiKey = z.infer<typeof ZCreatedApiKey>;
