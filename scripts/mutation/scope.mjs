/**
 * Which modules mutation testing covers (docs/MUTATION.md), and the score each must reach.
 *
 * Every module under lib/billing/ and lib/money*.ts is mutated, so a new pure module is in from
 * the moment it exists, unless one of these rules leaves it out:
 *  1. tests (`*.test.ts`);
 *  2. a module that touches the database: it imports `@/lib/db…` or the Prisma client
 *     (`@/lib/generated/prisma…`, types included), directly or through a module it imports from
 *     the repo. Those are tested on PostgreSQL by the integration project, which mutation testing
 *     does not run. Found by reading the imports, so a new DB operation is left out by itself;
 *  3. `schemas.ts` (zod request/response shapes and OpenAPI metadata: the contract, fuzz and
 *     integration suites test them; a rule with logic goes in a pure rule module, e.g. coupon-rules.ts);
 *  4. the few pure files in EXCLUDED below, each with its reason.
 * `node scripts/mutation/scope.mjs` prints what is in and what is out, and why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Pure files left out on purpose (repo-relative path → reason). */
export const EXCLUDED = {
  'lib/billing/invoices/invoice-statuses.ts': 'a constant list, no rule',
  'lib/billing/addons/addon-currency.ts': 'a constant, no rule',
  'lib/billing/refunds/payment-gateway.ts': 'the refund gateway seam (a random reference and a swap for tests); exercised by refund-invoice.int.test.ts',
};

/** Minimum mutation score (%) per file; every other mutated file must reach DEFAULT_TARGET. */
export const DEFAULT_TARGET = 90;
export const TARGETS = {
  'lib/billing/invoices/compute-invoice.ts': 95,
  // Not written yet (issue 18): the proration module gets the invoice engine's bar when it lands.
  'lib/billing/subscriptions/proration.ts': 95,
};

export function targetFor(file) {
  return TARGETS[file] ?? DEFAULT_TARGET;
}

const DB_IMPORT = /^@\/lib\/(db|generated\/prisma)(\/|$)/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function listTs(dir) {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return listTs(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

/** The repo file an import specifier names, or null for a package. */
function resolveLocal(from, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return null;
}

/** Why `file` touches the database (the import chain), or null when it does not. */
export function databaseChain(file, seen = new Map()) {
  if (seen.has(file)) return seen.get(file);
  seen.set(file, null); // cycles: assume pure while walking
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  let chain = null;
  for (const [, specifier] of source.matchAll(SPECIFIER)) {
    if (DB_IMPORT.test(specifier)) {
      chain = [specifier];
      break;
    }
    const local = resolveLocal(file, specifier);
    const inner = local && databaseChain(local, seen);
    if (inner) {
      chain = [local, ...inner];
      break;
    }
  }
  seen.set(file, chain);
  return chain;
}

/** Every candidate with the reason it is left out (null = mutated). */
export function scope() {
  const candidates = [
    ...fs.readdirSync(path.join(ROOT, 'lib')).filter((name) => /^money.*\.ts$/.test(name)).map((name) => `lib/${name}`),
    ...listTs('lib/billing'),
  ].filter((file) => !file.endsWith('.test.ts'));
  const seen = new Map();
  return candidates.sort().map((file) => {
    const chain = databaseChain(file, seen);
    let reason = null;
    if (EXCLUDED[file]) reason = EXCLUDED[file];
    else if (path.posix.basename(file) === 'schemas.ts') reason = 'zod schemas (rule 3)';
    else if (chain) reason = `touches the database: ${chain.join(' → ')}`;
    return { file, reason };
  });
}

/** The files Stryker mutates. */
export function mutatedFiles() {
  return scope()
    .filter((entry) => entry.reason === null)
    .map((entry) => entry.file);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const { file, reason } of scope()) {
    console.log(reason === null ? `mutate  ${file}  (target ${targetFor(file)}%)` : `skip    ${file}  — ${reason}`);
  }
}
