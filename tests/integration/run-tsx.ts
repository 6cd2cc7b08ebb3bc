import { spawn } from 'node:child_process';
import path from 'node:path';

export interface TProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript script with this repository's tsx in a process of its own, to its end. */
export function runTsx(args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }): Promise<TProcessResult> {
  const cli = path.join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
