import { describe, expect, it } from 'vitest';
import { generateApiKeySecret, hashApiKeySecret, isWellFormedApiKeySecret } from './api-key-secret';

describe('API key secrets', () => {
  it('are bk_ and 43 base64url characters, with an 11-character display prefix', () => {
    const { secret, prefix, secretHash } = generateApiKeySecret();
    expect(isWellFormedApiKeySecret(secret)).toBe(true);
    expect(prefix).toBe(secret.slice(0, 11));
    expect(prefix).toMatch(/^bk_[A-Za-z0-9_-]{8}$/);
    expect(secretHash).toBe(hashApiKeySecret(secret));
    expect(secretHash).not.toContain(secret.slice(3));
  });

  it('are different every time', () => {
    const secrets = new Set(Array.from({ length: 100 }, () => generateApiKeySecret().secret));
    expect(secrets.size).toBe(100);
  });

  it.each(['', 'bk_', 'bk_short', `sk_${'a'.repeat(43)}`, `bk_${'a'.repeat(44)}`, `bk_${'a'.repeat(42)}!`])('%j is not well formed', (secret) => {
    expect(isWellFormedApiKeySecret(secret)).toBe(false);
  });
});
