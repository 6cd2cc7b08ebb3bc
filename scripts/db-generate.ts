// `npm run db:generate -- --organizations 45000 --months 40 [--reset]`: fills DATABASE_URL (or the
// embedded PostgreSQL) with synthetic tenants and ≈ 1,000,000 invoices for scale tests and the
// analytics benchmark (bench/analytics). Migrates first; uses the catalog already there (run
// `npm run db:seed` first for the demo's) and adds what is missing. A second run is refused unless
// --reset, which deletes the previously generated tenants and their history first.
import pg from 'pg';
import { migrateDatabase } from '../lib/db/migrations';
import { resolveDatabaseOrExit } from './lib/startup';
import { generateData } from './lib/generate-data/generate-data';
import { parseGenerateArgs } from './lib/generate-data/options';

let options;
try {
  options = parseGenerateArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const database = await resolveDatabaseOrExit();
const client = new pg.Client({ connectionString: database.url });
try {
  const applied = await migrateDatabase(database.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  await client.connect();
  console.log(`Generating ${options.organizations.toLocaleString('en-US')} tenants × ${options.months} months…`);
  const summary = await generateData(client, options, (message) => console.log(`  ${message}`));
  console.log(`Done: ${summary.totalRows.toLocaleString('en-US')} rows in ${(summary.elapsedMs / 1000).toFixed(1)} s ` +
    `(${summary.rowsPerSecond.toLocaleString('en-US')} rows/s), ${summary.rows.invoices!.toLocaleString('en-US')} invoices.`);
  console.log(JSON.stringify(summary, null, 2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
  await database.embedded?.stop();
}
