import { existsSync } from 'node:fs';
import { buildIsStale } from '../../scripts/lib/build-freshness';
import { buildProduction } from '../lib/production-build';

// The analytics benchmark serves the app like the API benchmark does (bench/lib/app-server.ts).
export { startAppServer, type TRunningServer as TAppServer } from '../lib/app-server';

/**
 * `next build` into `distDir` when it has no build or sources changed since (BENCH_SKIP_BUILD=1
 * keeps whatever is there); bench/lib/production-build.ts takes Next's tsconfig.json addition out again.
 */
export async function ensureProductionBuild(distDir: string, log: (message: string) => void): Promise<void> {
  const built = existsSync(`${distDir}/BUILD_ID`);
  if (built && (process.env.BENCH_SKIP_BUILD === '1' || !(await buildIsStale(`${distDir}/BUILD_ID`)))) {
    log(`using the production build in ${distDir}/`);
    return;
  }
  log(`next build → ${distDir}/ (1–3 minutes on 2 cores)…`);
  await buildProduction(distDir, log);
}

/** Refuses to run against a missing build (smoke reuses the one `npm test` makes). */
export function requireProductionBuild(distDir: string): void {
  if (!existsSync(`${distDir}/BUILD_ID`)) throw new Error(`No production build in ${distDir}/: run \`npx next build\` first.`);
}
