/**
 * Which modules mutation testing covers (docs/MUTATION.md), and the score each must reach.
 *
 * Every PURE module under lib/billing/ and lib/money*.ts is mutated, so a new pure module is in
 * from the moment it exists (credit-note tax split, provider amount conversion, …). Left out:
 *  1. tests (`*.test.ts`) and test doubles (`fakes/`: the fake provider servers of the
 *     integration tests);
 *  2. a module that touches the database: a value import of `@/lib/db…` or the Prisma client
 *     (`@/lib/generated/prisma…`), or a type import of a database handle (`Tx`, `Db`: it queries
 *     through the one it is given), directly or through a module it imports from the repo. A type
 *     import of a model type (`Coupon`, `Plan`) does not count: it is erased, and the module
 *     computes on plain values. Tested on PostgreSQL by the integration project, which mutation
 *     testing does not run;
 *  3. a module that does I/O: files, network, randomness or the environment (IO_IMPORT: `node:fs`,
 *     `node:http`, `node:crypto`, the Stripe and Xendit SDKs, the PDF renderer, `@/lib/config`),
 *     directly or through a repo module it imports;
 *  4. `schemas.ts` (zod request/response shapes and OpenAPI metadata: the contract, fuzz and
 *     integration suites test them; a rule with logic goes in a pure rule module, e.g. coupon-rules.ts);
 *  5. the few pure files in EXCLUDED below, each with its reason.
 * Rules 2 and 3 are found by reading the imports, so a new DB operation is left out by itself.
 * REQUIRED lists glob patterns of modules that must be pure and mutated: a file matching one that
 * rules 2–3 would leave out fails the command instead of quietly leaving the scope.
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
  'lib/billing/documents/billing-document.ts': 'types only (the document model), no code',
  'lib/billing/webhooks/inbound-event.ts': 'types only (a parsed provider event), no code',
};

/**
 * Billing rules that must stay pure and mutated (glob: `*` within a folder, `**` across folders).
 * The credit-note split (SPEC §12: refunded amount → tax base + PPN) matches by pattern, so it is
 * mutated, with its target, from the commit that adds it.
 */
export const REQUIRED = [
  'lib/money.ts',
  'lib/money-format.ts',
  'lib/billing/invoices/compute-invoice.ts',
  'lib/billing/subscriptions/proration.ts',
  'lib/billing/periods/*.ts',
  'lib/billing/providers/provider-amount.ts',
  'lib/billing/credit-notes/*split*.ts',
];

/** Minimum mutation score (%) per file (glob → %); every other mutated file must reach DEFAULT_TARGET. */
export const DEFAULT_TARGET = 90;
export const TARGETS = {
  'lib/billing/invoices/compute-invoice.ts': 95,
  'lib/billing/subscriptions/proration.ts': 95,
};

/** A glob (`*` within a path segment, `**` across segments) as a RegExp over repo-relative paths. */
export function globToRegExp(glob) {
  const source = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:[^/]+/)*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

const matches = (file, globs) => globs.some((glob) => globToRegExp(glob).test(file));

export function targetFor(file) {
  const glob = Object.keys(TARGETS).find((pattern) => globToRegExp(pattern).test(file));
  return glob === undefined ? DEFAULT_TARGET : TARGETS[glob];
}

const DB_IMPORT = /^@\/lib\/(db|generated\/prisma)(\/|$)/;
/** Packages and repo modules that reach outside the process: files, network, randomness, PDF rendering, the environment. */
const IO_IMPORT = /^(node:)?(fs|fs\/promises|http|https|net|child_process|crypto)$|^(stripe|xendit-node|@react-pdf\/renderer|next(\/.*)?)$|^@\/lib\/config$/;
/** The database handles a module receives as a parameter (a type import, but the module queries through it). */
const DB_HANDLE_TYPES = /\b(Tx|Db|PrismaClient|TransactionClient)\b/;
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

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

/**
 * The imports of a source file: `{ specifier, typeOnly, names }`. A type-only import
 * (`import type { … }`, or every name marked `type`) is erased when the code runs.
 */
export function importsOf(source) {
  return [...source.matchAll(IMPORT)].map((match) => {
    const specifier = match[4] ?? match[5] ?? match[6];
    const clause = match[3] ?? '';
    const braced = clause.match(/^\{([\s\S]*)\}$/);
    const inlineTypes = braced !== null && braced[1].split(',').map((name) => name.trim()).filter(Boolean).every((name) => name.startsWith('type '));
    return { specifier, typeOnly: match[2] !== undefined || inlineTypes, names: clause };
  });
}

/** Whether one import is the database (kind 'db') or I/O (kind 'io') itself. */
function isImpure(kind, { specifier, typeOnly, names }) {
  if (kind === 'db') return DB_IMPORT.test(specifier) && (!typeOnly || DB_HANDLE_TYPES.test(names));
  return !typeOnly && IO_IMPORT.test(specifier);
}

/**
 * The import chain by which `file` reaches the database (kind 'db') or I/O (kind 'io'), or null.
 * Type-only imports of repo modules are not followed: they are erased when the code runs.
 */
export function impurityChain(file, kind, seen = new Map()) {
  if (seen.has(file)) return seen.get(file);
  seen.set(file, null); // cycles: assume pure while walking
  const imports = importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  let chain = null;
  const direct = imports.find((entry) => isImpure(kind, entry));
  if (direct) chain = [direct.typeOnly ? `${direct.specifier} (type ${direct.names.replace(/\s+/g, ' ')}: a database handle)` : direct.specifier];
  for (const entry of chain ? [] : imports) {
    const local = !entry.typeOnly && resolveLocal(file, entry.specifier);
    const inner = local && impurityChain(local, kind, seen);
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
  const db = new Map();
  const io = new Map();
  return candidates.sort().map((file) => {
    let reason = null;
    let dbChain;
    let ioChain;
    if (EXCLUDED[file]) reason = EXCLUDED[file];
    else if (file.includes('/fakes/')) reason = 'a test double (a fake provider server of the integration tests)';
    else if (path.posix.basename(file) === 'schemas.ts') reason = 'zod schemas (rule 4)';
    else if ((dbChain = impurityChain(file, 'db', db))) reason = `touches the database: ${dbChain.join(' → ')}`;
    else if ((ioChain = impurityChain(file, 'io', io))) reason = `does I/O: ${ioChain.join(' → ')}`;
    return { file, reason, required: matches(file, REQUIRED) };
  });
}

/** The files Stryker mutates; throws when a REQUIRED module is not pure (or not found). */
export function mutatedFiles() {
  const entries = scope();
  const broken = entries.filter((entry) => entry.required && entry.reason !== null);
  if (broken.length > 0) {
    throw new Error(`Required pure modules left out of mutation testing (scripts/mutation/scope.mjs REQUIRED):\n${broken.map((entry) => `  ${entry.file}: ${entry.reason}`).join('\n')}`);
  }
  return entries.filter((entry) => entry.reason === null).map((entry) => entry.file);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const { file, reason, required } of scope()) {
    const mark = required ? ' [required]' : '';
    console.log(reason === null ? `mutate  ${file}  (target ${targetFor(file)}%)${mark}` : `skip    ${file}  — ${reason}${mark}`);
  }
  for (const glob of REQUIRED) {
    if (!scope().some((entry) => globToRegExp(glob).test(entry.file))) console.log(`(no file yet) ${glob}  [required]`);
  }
  mutatedFiles();
}
