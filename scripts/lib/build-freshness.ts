import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'prisma/schema.prisma', 'next.config.mjs', 'proxy.ts', 'package.json', 'tailwind.config.ts'];
const SKIP = new Set(['generated', 'node_modules']);

/** True when any source file is newer than the last `next build`. */
export async function buildIsStale(buildId = '.next/BUILD_ID'): Promise<boolean> {
  const built = (await stat(buildId)).mtimeMs;
  for (const source of SOURCES) if ((await newestMtime(source)) > built) return true;
  return false;
}

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target)) {
    if (SKIP.has(entry)) continue;
    newest = Math.max(newest, await newestMtime(path.join(target, entry)));
  }
  return newest;
}
