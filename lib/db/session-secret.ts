import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stateDir } from './state-dir';

/**
 * A local default for NEXTAUTH_SECRET, generated once and kept (mode 0600) so that sessions
 * survive restarts. Production sets NEXTAUTH_SECRET itself, the same on every instance.
 */
export async function ensureSessionSecret(): Promise<string> {
  const file = path.join(stateDir(), 'nextauth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
