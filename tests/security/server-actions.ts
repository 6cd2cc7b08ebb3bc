import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { TActionResult } from '@/lib/http/admin-action';
import { changedTables, databaseFingerprint } from './database-fingerprint';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where server code lives; a 'use server' module anywhere here is a public endpoint. */
const SOURCE_ROOTS = ['app', 'lib', 'components'];

export type TServerAction = (...args: unknown[]) => Promise<unknown>;

export interface TActionUnderTest {
  /** `lib/actions/plans.ts#createPlanAction` */
  id: string;
  action: TServerAction;
}

function sourceFiles(): string[] {
  return SOURCE_ROOTS.flatMap((root) =>
    readdirSync(path.join(ROOT, root), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes('generated') && !/\.test\.tsx?$/.test(file))
      .map((file) => path.join(root, file).split(path.sep).join('/')),
  ).sort();
}

/** A module is a server-action module when its first statement is the 'use server' directive. */
function isUseServerModule(source: string): boolean {
  const withoutComments = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  return /^['"]use server['"]/.test(withoutComments);
}

/**
 * Every exported function of every 'use server' module under app/, lib/ and components/, imported.
 * Next turns each into an endpoint anyone can POST to, whether or not a page renders a form for it.
 */
export async function discoverServerActions(): Promise<{ files: string[]; actions: TActionUnderTest[]; inline: string[] }> {
  const files: string[] = [];
  const inline: string[] = [];
  for (const file of sourceFiles()) {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    if (isUseServerModule(source)) files.push(file);
    // A 'use server' inside a function body declares an action this discovery cannot import.
    else if (/^\s+['"]use server['"]/m.test(source)) inline.push(file);
  }
  const actions: TActionUnderTest[] = [];
  for (const file of files) {
    const exported = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported).sort(([a], [b]) => a.localeCompare(b))) {
      if (typeof value === 'function') actions.push({ id: `${file}#${name}`, action: value as TServerAction });
    }
  }
  return { files, actions, inline };
}

export interface TActionColumn {
  name: string;
  /** The session cookie the action's request carries, if any. */
  cookie: string | undefined;
  /** The status a denied action must report; null: it must run (ok: true). */
  deniedWith: 401 | 403 | null;
}

/**
 * Runs `action(...args)` as `column` (through `withSession`, which makes the cookie the request's)
 * and says what is wrong, or null when the cell holds. A denied call must report 401/403 (or throw)
 * and leave every business table as it was: the operation never ran.
 */
export async function checkActionCell(
  target: TActionUnderTest,
  column: TActionColumn,
  args: unknown[],
  withSession: <T>(cookie: string | undefined, run: () => Promise<T>) => Promise<T>,
): Promise<string | null> {
  const where = `${target.id} as ${column.name}`;
  const before = column.deniedWith ? await databaseFingerprint() : undefined;
  let result: TActionResult<unknown> | undefined;
  let thrown: unknown;
  try {
    result = (await withSession(column.cookie, () => target.action(...args))) as TActionResult<unknown>;
  } catch (error) {
    thrown = error;
  }
  if (!column.deniedWith) {
    return result?.ok === true ? null : `${where}: expected to run, got ${thrown ? `a thrown ${String(thrown)}` : JSON.stringify(result)}`;
  }
  const problems: string[] = [];
  if (!thrown && !(result?.ok === false && result.status === column.deniedWith)) problems.push(`expected { ok: false, status: ${column.deniedWith} }, got ${JSON.stringify(result)?.slice(0, 200)}`);
  const changed = changedTables(before!, await databaseFingerprint());
  if (changed.length) problems.push(`the database changed: ${changed.join(', ')}`);
  return problems.length ? `${where}: ${problems.join('; ')}` : null;
}
