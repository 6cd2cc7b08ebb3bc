import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { withSchemaEngine } from './schema-engine';

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'prisma/migrations');
export const SCHEMA_PATH = path.resolve(process.cwd(), 'prisma/schema.prisma');
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Reads prisma/migrations the way the Prisma CLI does, for the schema engine. */
export async function readMigrationList(baseDir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const entries = existsSync(baseDir) ? await readdir(baseDir, { withFileTypes: true }) : [];
  const directories = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      directories.map(async (name) => {
        const file = path.join(baseDir, name, 'migration.sql');
        const content = existsSync(file)
          ? { tag: 'ok' as const, value: await readFile(file, 'utf8') }
          : { tag: 'error' as const, value: `${file} is missing` };
        return { path: name, migrationFile: { path: 'migration.sql', content } };
      }),
    ),
  };
}

/**
 * Applies every pending migration, exactly as `prisma migrate deploy` would: the history lives in
 * `_prisma_migrations`, so a deployment may use either this or the Prisma CLI.
 */
export async function migrateDatabase(connectionString: string): Promise<string[]> {
  const migrationsList = await readMigrationList();
  return withSchemaEngine(connectionString, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  });
}

/**
 * SQL that takes the schema as of the last migration (its snapshot, written beside the migrations)
 * to prisma/schema.prisma. Two schema files are compared, not a live database: the WebAssembly engine
 * cannot read a live PostgreSQL schema back ("Column type 'char' could not be deserialized").
 */
export async function diffSchemas(connectionString: string, fromContent: string | null, toContent: string): Promise<string> {
  // The engine insists on a connection, although comparing two files reads nothing from it.
  return withSchemaEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: fromContent === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'previous.prisma', content: fromContent }] },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: toContent }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  });
}
