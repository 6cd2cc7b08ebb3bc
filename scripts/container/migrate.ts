// The container's migration step (bundled into migrate.mjs by assemble.sh): applies every pending
// migration in ./prisma/migrations to DATABASE_URL, exactly as `npm run db:migrate` does, and
// fails the start when it cannot. No embedded PostgreSQL here: a container is given its database.
import { migrateDatabase } from '../../lib/db/migrations';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required: the container migrates it, then serves from it.');
  process.exit(1);
}
// A pooler URL's flag is the app's, not the driver's; migrations go to the server directly anyway (docs/DEPLOY.md).
const applied = await migrateDatabase(process.env.DATABASE_MIGRATION_URL ?? url.replace(/[?&]pgbouncer=true/, ''));
console.log(JSON.stringify({ level: 'info', msg: applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date' }));
