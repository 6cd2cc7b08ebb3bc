import { createHash, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'bk_';
const SECRET_PATTERN = /^bk_[A-Za-z0-9_-]{43}$/;
/** `bk_` and 8 characters: shown in lists so a key can be recognised without its secret. */
const DISPLAY_PREFIX_LENGTH = 11;

/** A new secret: 256 random bits. Only its hash and display prefix are ever stored. */
export function generateApiKeySecret(): { secret: string; prefix: string; secretHash: string } {
  const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
  return { secret, prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH), secretHash: hashApiKeySecret(secret) };
}

// SHA-256 without a salt is enough here: the secret has 256 bits of entropy, so there is nothing to
// brute-force, and an unsalted hash lets authentication find the key by an index lookup.
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function isWellFormedApiKeySecret(secret: string): boolean {
  return SECRET_PATTERN.test(secret);
}
