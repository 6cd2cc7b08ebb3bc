// `npm run api-key -- create --name NAME --role ROLE`: issues an API key. The secret is printed
// once, as the last line of output, and stored only as a hash.
// `npm run api-key -- list` and `npm run api-key -- revoke --id ID` manage existing keys.
import { parseArgs } from 'node:util';
import { createApiKey } from '../lib/auth/api-keys';
import { createClient } from '../lib/db';
import { migrateDatabase } from '../lib/db/migrations';
import { resolveDatabase } from '../lib/db/local-database';

const ROLES = ['super_admin', 'admin', 'support'] as const;
const USAGE = 'usage: npm run api-key -- create --name NAME --role super_admin|admin|support\n       npm run api-key -- list\n       npm run api-key -- revoke --id ID';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' } },
});
const command = positionals[0];
const role = ROLES.find((candidate) => candidate === values.role);
if (command === 'create' && (!values.name?.trim() || !role)) fail(USAGE);
if (command === 'revoke' && !values.id) fail(USAGE);
if (!['create', 'list', 'revoke'].includes(command ?? '')) fail(USAGE);

const database = await resolveDatabase();
const client = createClient(database.url, 1);
try {
  await migrateDatabase(database.url);
  if (command === 'create' && role && values.name) {
    const { apiKey, secret } = await createApiKey({ name: values.name.trim(), role }, client);
    console.log(`Created API key "${apiKey.name}" (${apiKey.role}), id ${apiKey.id}, prefix ${apiKey.prefix}.`);
    console.log('Store the secret now; it cannot be shown again:');
    console.log(secret);
  } else if (command === 'list') {
    const keys = await client.apiKey.findMany({ orderBy: { createdAt: 'desc' } });
    for (const key of keys) {
      console.log([key.id, key.name, key.role, key.prefix, key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active'].join('\t'));
    }
  } else if (command === 'revoke' && values.id) {
    const { count } = await client.apiKey.updateMany({ where: { id: values.id, revokedAt: null }, data: { revokedAt: new Date() } });
    console.log(count ? `Revoked ${values.id}.` : `No active key with id ${values.id}.`);
  }
} finally {
  await client.$disconnect();
  await database.embedded?.stop();
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
