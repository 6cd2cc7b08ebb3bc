// `npm run perf:bundle`: first-load JavaScript (gzip) of every page of the production build
// against its budget (bench/console/bundle-budget.ts). Fails when a page is over budget, and
// when there is no build: run it after `next build` (NEXT_DIST_DIR picks another build directory).
import { checkBundleBudgets, kB } from './bundle-budget';
import { measureBundles } from './measure-bundles';

const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next';

try {
  const checks = checkBundleBudgets(await measureBundles(distDir));
  console.log(`First-load JavaScript per page (gzip), build in ${distDir}/`);
  for (const check of checks) {
    const verdict = check.withinBudget ? 'ok  ' : 'OVER';
    console.log(`  ${verdict} ${check.route.padEnd(18)} ${kB(check.gzipBytes).padStart(9)} of ${kB(check.budgetBytes)}  (${check.files} files, ${kB(check.rawBytes)} raw)`);
  }
  if (checks.length === 0) throw new Error(`no pages found in ${distDir}/server/app`);
  const over = checks.filter((check) => !check.withinBudget);
  if (over.length) console.error(`\nOver budget: ${over.map((check) => `${check.route} by ${kB(check.gzipBytes - check.budgetBytes)}`).join(', ')}`);
  console.log(`\n${checks.length - over.length} passed, ${over.length} failed`);
  if (over.length) process.exitCode = 1;
} catch (error) {
  console.error(String((error as Error).message ?? error));
  process.exitCode = 1;
}
