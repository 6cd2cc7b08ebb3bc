import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';

const NEXT_BIN = 'node_modules/.bin/next';

/**
 * `next build` into `distDir` (next.config.mjs reads NEXT_DIST_DIR). Next adds the new directory's
 * type folders to tsconfig.json's `include` when distDir changes; that edit is undone afterwards
 * so the benchmark never leaves a change in a shared file (others' concurrent edits are kept).
 */
export async function buildProduction(distDir: string, log: (line: string) => void, extraArgs: string[] = []): Promise<void> {
  const before = await readFile('tsconfig.json', 'utf8');
  try {
    await run(NEXT_BIN, ['build', ...extraArgs], { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' }, log);
  } finally {
    await undoTsconfigInclude(before, distDir);
  }
  if (!existsSync(`${distDir}/BUILD_ID`)) throw new Error(`next build wrote no ${distDir}/BUILD_ID`);
}

async function undoTsconfigInclude(before: string, distDir: string): Promise<void> {
  const now = await readFile('tsconfig.json', 'utf8');
  if (now === before) return;
  const parsed = JSON.parse(now) as { include?: string[] };
  parsed.include = parsed.include?.filter((entry) => !entry.startsWith(`${distDir}/`));
  // Only Next's addition changed: restore the file byte for byte (Next also reformats it).
  await writeFile('tsconfig.json', isDeepStrictEqual(parsed, JSON.parse(before)) ? before : `${JSON.stringify(parsed, null, 2)}\n`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const collect = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      log(tail);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}
