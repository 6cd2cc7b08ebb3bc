// `npm run api-key -- create --name NAME --role ROLE`: issues an API key. The secret is printed
// once, as the last line of output, and stored only as a hash.
// `npm run api-key -- list` and `npm run api-key -- revoke --id ID` manage existing keys.
// The same operations as the console and the API; the CLI's changes are audited as `system`.
import { parseArgs } from 'node:util';
import { createApiKey } from '../lib/auth/api-keys/create-api-key';
import { listApiKeys } from '../lib/auth/api-keys/list-api-keys';
import { revokeApiKey } from '../lib/auth/api-keys/revoke-api-key';
import { ZCreateApiKeyInput } from '../lib/auth/api-keys/schemas';
import { createClient } from '../lib/db';
import { migrateDatabase } from '../lib/db/migrations';
import { resolveDatabaseOrExit } from './lib/startup';
import { BillingError } from '../lib/errors';

const USAGE = 'usage: npm run api-key -- create --name NAME --role super_admin|admin|support\n       npm run api-key -- list\n       npm run api-key -- revoke --id ID';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' } },
});
const command = positionals[0];
const createInput = command === 'create' ? ZCreateApiKeyInput.safeParse({ name: values.name, role: values.role }) : undefined;
if (createInput && !createInput.success) fail([...createInput.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`), USAGE].join('\n'));
if (command === 'revoke' && !values.id) fail(USAGE);
if (!['create', 'list', 'revoke'].includes(command ?? '')) fail(USAGE);

const database = await resolveDatabaseOrExit();
const client = createClient(database.url, 1);
try {
  await migrateDatabase(database.url);
  if (createInput?.success) {
    const { api_key: apiKey, secret } = await createApiKey(createInput.data, 'system', { client });
    console.log(`Created API key "${apiKey.name}" (${apiKey.role}), id ${apiKey.id}, prefix ${apiKey.prefix}.`);
    console.log('Store the secret now; it cannot be shown again:');
    console.log(secret);
  } else if (command === 'list') {
    for (const key of await listApiKeys(client)) {
      console.log([key.id, key.name, key.role, key.prefix, key.revoked_at ? `revoked ${key.revoked_at}` : 'active'].join('\t'));
    }
  } else if (command === 'revoke' && values.id) {
    const key = await revokeApiKey(values.id, 'system', { client });
    console.log(`Key ${key.id} (${key.prefix}…) is revoked since ${key.revoked_at}.`);
  }
} catch (error) {
  // An unknown id and the like: say so plainly, without a stack trace.
  if (!(error instanceof BillingError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await client.$disconnect();
  await database.embedded?.stop();
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
