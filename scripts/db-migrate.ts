// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded server.
import { migrateDatabase } from '../lib/db/migrations';
import { resolveDatabase } from '../lib/db/local-database';

const database = await resolveDatabase();
try {
  const applied = await migrateDatabase(database.url);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await database.embedded?.stop();
}
