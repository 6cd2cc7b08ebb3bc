// Prisma 7's CLI downloads a native schema engine at start-up, which these machines cannot reach.
// `prisma generate` never runs that engine, so pointing the variable at any executable skips the
// download (see ../shared/TOOLCHAIN.md). Migrations use the WebAssembly engine instead (lib/db/migrate.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('prisma/schema.prisma')) process.exit(0);
const result = spawnSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
process.exit(result.status ?? 1);
