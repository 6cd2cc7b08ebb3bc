import type { TApiKey, TCreatedApiKey } from '@/lib/auth/api-keys/schemas';

export const CREATE_API_KEY_BODY = { name: 'Invoicing service', role: 'super_admin' };

export const API_KEY: TApiKey = {
  id: '4e8a2c6f-1b3d-4f57-9a0c-2d4f6b8e0a13',
  name: 'Invoicing service',
  role: 'super_admin',
  prefix: 'bk_Q7x2LmP9',
  created_at: '2026-10-01T02:00:00.000Z',
  created_by: 'superadmin@example.com',
  last_used_at: '2026-11-24T09:12:44.000Z',
  revoked_at: null,
};

/** A made-up secret of the real shape (`bk_` and 43 base64url characters). */
export const CREATED_API_KEY: TCreatedApiKey = {
  api_key: { ...API_KEY, last_used_at: null },
  secret: 'bk_Q7x2LmP9vR4tY8wK1nB6cD3fG5hJ0sA2eU7iO9pZxMq',
};

export const REVOKED_API_KEY: TApiKey = { ...API_KEY, revoked_at: '2026-11-25T10:00:00.000Z' };
