import { hash, verify, type Algorithm } from '@node-rs/argon2';

// argon2id (the package's const enum value 2, which isolated modules cannot reference) with
// OWASP's recommended minimum cost: 19 MiB, 2 passes.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
