import { existsSync } from 'node:fs';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const FULL = '/usr/bin/chromium';

/**
 * The Chromium to launch when CHROMIUM_PATH does not name one (scripts/ensure-chromium.sh installs
 * and prints it). Tests prefer Debian's headless shell (lighter, what Playwright runs headless);
 * measurements of what users see (bench/console) prefer the full browser. Either falls back to
 * the other when this machine has only that one.
 */
export function chromiumPath(prefer: 'headless-shell' | 'full' = 'headless-shell'): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const order = prefer === 'full' ? [FULL, HEADLESS_SHELL] : [HEADLESS_SHELL, FULL];
  return order.find((candidate) => existsSync(candidate)) ?? order[0]!;
}
