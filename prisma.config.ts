import { defineConfig } from 'prisma/config';

// The CLI only needs the URL for commands that talk to a database; `generate` does not.
// Migrations are applied by `npm run db:migrate` (lib/db/migrate.ts), which works offline.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/billing' },
});
