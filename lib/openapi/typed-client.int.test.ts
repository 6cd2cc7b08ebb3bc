import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getOpenApiJson } from '@/app/api/v1/admin/billing/openapi.json/route';
import { listPlans } from '@/lib/billing/plans/list-plans';
import { credentialsFor } from '@/tests/integration/actors';
import { createInvoiceFixture } from '@/tests/integration/billing-fixtures';
import { callRoute } from '@/tests/integration/call-route';
import { inProcessFetch } from '@/scripts/lib/in-process/in-process-fetch';
import { API_BASE_PATH, OPENAPI_DOCUMENT_PATH } from './paths';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
// Under node_modules, so the client resolves `openapi-fetch` as any project of its own would.
const WORK = path.join(ROOT, 'node_modules/.cache', `typed-client-${process.pid}`);
const node = (script: string, args: string[]) => run(process.execPath, [path.join(ROOT, 'node_modules', script), ...args], { cwd: WORK }).catch((error: { stdout: string; stderr: string }) => ({ failed: true, ...error }));

// The client a user would write from openapi-fetch's README, on the types openapi-typescript
// generates from /openapi.json. `plans.data.map` only compiles if the list's 200 is the JSON array
// alone (a second content type would make it `Plan[] | string`).
const CLIENT = `import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

type Plan = components['schemas']['Plan'];

export async function useTheApi(baseUrl: string, fetch: typeof globalThis.fetch, authorization: string, invoiceId: string) {
  const client = createClient<paths>({ baseUrl, fetch, headers: { authorization } });

  const plans = await client.GET('/plans');
  if (plans.error) throw new Error(plans.error.detail);
  const slugs: string[] = plans.data.map((plan: Plan) => plan.slug);

  const invoice = await client.GET('/invoices/{id}', { params: { path: { id: invoiceId } } });
  if (invoice.error) throw new Error(invoice.error.code);
  const total: number = invoice.data.total;

  const csv = await client.GET('/plans.csv', { parseAs: 'text' });
  const text: string | undefined = csv.data;

  const missing = await client.GET('/plans/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
  const code: string | undefined = missing.error?.code;

  return { slugs, number: invoice.data.number, total, csv: text, missing: { status: missing.response.status, code } };
}
`;
// The same client getting the types wrong: tsc must refuse it, or the check above proves nothing.
const WRONG = `import createClient from 'openapi-fetch';
import type { paths } from './schema';

const client = createClient<paths>({ baseUrl: 'http://localhost' });
const plans = await client.GET('/plans');
export const price: string | undefined = plans.data?.[0]?.base_price_monthly;
export const unknown = await client.GET('/plans/{id}');
`;
const TSCONFIG = {
  compilerOptions: { strict: true, noUncheckedIndexedAccess: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], outDir: 'out' },
};

describe('a client generated from /openapi.json with openapi-typescript, on openapi-fetch', () => {
  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    const document = await callRoute(getOpenApiJson, { path: OPENAPI_DOCUMENT_PATH });
    expect(document.status).toBe(200);
    writeFileSync(path.join(WORK, 'openapi.json'), document.text);
    writeFileSync(path.join(WORK, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(path.join(WORK, 'client.ts'), CLIENT);
    writeFileSync(path.join(WORK, 'wrong.ts'), WRONG);
  }, 60_000);

  afterAll(() => rmSync(WORK, { recursive: true, force: true }));

  it('generates types, compiles with tsc --strict, and calls the API', async () => {
    const generated = await node('openapi-typescript/bin/cli.js', ['openapi.json', '-o', 'schema.d.ts']);
    expect('failed' in generated, generated.stderr).toBe(false);

    writeFileSync(path.join(WORK, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, files: ['client.ts'] }));
    const compiled = await node('typescript/bin/tsc', ['-p', 'tsconfig.json', '--strict']);
    expect(compiled.stdout + compiled.stderr).toBe('');

    const { useTheApi } = (await import(/* @vite-ignore */ pathToFileURL(path.join(WORK, 'out/client.js')).href)) as { useTheApi: (...args: unknown[]) => Promise<Record<string, unknown>> };
    const invoice = await createInvoiceFixture({ status: 'paid', total: '111000' });
    const result = await useTheApi(`http://localhost${API_BASE_PATH}`, await inProcessFetch(), (await credentialsFor('super_admin')).bearer, invoice.id);
    expect(result.slugs).toEqual((await listPlans()).map((plan) => plan.slug));
    expect((result.slugs as string[]).length).toBeGreaterThan(0);
    expect(result).toMatchObject({ number: invoice.number, total: 111000, missing: { status: 404, code: 'not_found' } });
    expect(result.csv).toMatch(/^id,name,slug,/);
  }, 180_000);

  it('refuses a client that gets the types wrong', async () => {
    writeFileSync(path.join(WORK, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, compilerOptions: { ...TSCONFIG.compilerOptions, noEmit: true }, files: ['wrong.ts'] }));
    const compiled = await node('typescript/bin/tsc', ['-p', 'tsconfig.json', '--strict']);
    expect(compiled.stdout).toMatch(/wrong\.ts\(6,14\): error TS2322: Type 'number \| undefined' is not assignable to type 'string \| undefined'/);
    expect(compiled.stdout).toMatch(/wrong\.ts\(7,\d+\): error TS\d+/);
  }, 180_000);
});
