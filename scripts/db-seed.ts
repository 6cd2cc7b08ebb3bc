// `npm run db:seed`: migrates, then seeds the demo users, catalog and tenants into DATABASE_URL or
// the embedded PostgreSQL. Safe to run again: a seeded database is left unchanged.
import { createClient } from '../lib/db';
import { migrateDatabase } from '../lib/db/migrations';
import { resolveDatabaseOrExit } from './lib/startup';
import { seedDatabase } from '../prisma/seed';

const database = await resolveDatabaseOrExit();
const client = createClient(database.url, 2);
try {
  const applied = await migrateDatabase(database.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  const started = performance.now();
  const summary = await seedDatabase(client, { databaseUrl: database.url, log: (message) => console.log(message) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(summary.changed ? `Seeded in ${seconds}s.` : `Already seeded: nothing changed (${seconds}s).`);
  console.log(JSON.stringify(summary, null, 2));
} finally {
  await client.$disconnect();
  await database.embedded?.stop();
}
