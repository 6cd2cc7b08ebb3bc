import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * The migrations this build ships (prisma/migrations/<name>/migration.sql), read once per process:
 * the directory cannot change under a running server. Listed here rather than through
 * lib/db/migrations.ts, which would pull the WebAssembly schema engine into the server bundle.
 */
let shipped: Promise<string[]> | undefined;

export function shippedMigrationNames(baseDir = path.resolve(process.cwd(), 'prisma/migrations')): Promise<string[]> {
  shipped ??= (async () => {
    const entries = existsSync(baseDir) ? await readdir(baseDir, { withFileTypes: true }) : [];
    return entries
      .filter((entry) => entry.isDirectory() && existsSync(path.join(baseDir, entry.name, 'migration.sql')))
      .map((entry) => entry.name)
      .sort();
  })();
  return shipped;
}
