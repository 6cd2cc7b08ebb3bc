// `npm run refunds:reconcile`: settles refunds pending longer than REFUND_PENDING_RECHECK by asking
// their providers (SPEC §12) — the same operation as POST /refunds/reconcile and the in-process
// interval (REFUND_RECONCILE_INTERVAL). Prints the counts; exits 1 when a refund could not be asked.
import { resolveDatabase } from '../lib/db/local-database';
import { migrateDatabase } from '../lib/db/migrations';

const database = await resolveDatabase();
process.env.DATABASE_URL = database.url;
// config() wants a session secret; this command signs no sessions.
process.env.NEXTAUTH_SECRET ??= 'refunds-reconcile-cli-signs-no-sessions';
const { reconcileRefunds } = await import('../lib/billing/refunds/reconcile-refunds');
const { db } = await import('../lib/db');
try {
  await migrateDatabase(database.url);
  const result = await reconcileRefunds();
  console.log(`Checked ${result.checked} pending refund(s): ${result.succeeded} succeeded, ${result.failed} failed, ${result.still_pending} still pending.`);
  for (const error of result.errors) console.error(`  ${error.refund_id}: ${error.message}`);
  if (result.errors.length > 0) process.exitCode = 1;
} finally {
  await db().$disconnect();
  await database.embedded?.stop();
}
