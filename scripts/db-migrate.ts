// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded server.
import { migrateDatabase } from '../lib/db/migrations';
import { resolveDatabaseOrExit } from './lib/startup';

const database = await resolveDatabaseOrExit();
try {
  const applied = await migrateDatabase(database.url);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await database.embedded?.stop();
}
