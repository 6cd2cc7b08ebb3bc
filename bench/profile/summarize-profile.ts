import { readFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` (Chrome DevTools' format) that self time needs. */
interface TCpuProfile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface TSelfTime {
  /** `name file:line`, or V8's own buckets: (garbage collector), (program). */
  fn: string;
  /** Where the code comes from: a package, node's internals, the app's bundle, V8. */
  area: string;
  selfMs: number;
}

export interface TProfileSummary {
  /** Time the profiler ran, and of it the time the thread was busy (not idle). */
  wallMs: number;
  busyMs: number;
  functions: TSelfTime[];
  areas: { area: string; selfMs: number }[];
  /** The app's own functions (the bundle's, not a package's) by inclusive time: their synchronous part and what it calls. */
  appInclusive: { fn: string; totalMs: number }[];
}

const IDLE = '(idle)';
const APP_BUNDLE = 'app bundle (.next/server)';

/**
 * Self time per function of one profile: each sample's time (the delta to the next sample) goes
 * to the function on top of the stack. Functions are merged by name and place, so one function
 * reached through many call paths is one row.
 */
export function summarizeProfile(file: string): TProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as TCpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const inclusive = new Map<string, number>();
  const byFunction = new Map<string, TSelfTime>();
  let idleUs = 0;
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time from sample i-1 to sample i: the time spent in sample i-1's frame.
    const us = profile.timeDeltas[i + 1] ?? 0;
    const frame = frames.get(profile.samples[i]!);
    if (!frame || us <= 0) continue;
    totalUs += us;
    if (frame.functionName === IDLE) {
      idleUs += us;
      continue;
    }
    const key = frameKey(frame);
    const entry = byFunction.get(key) ?? { fn: key, area: areaOf(frame.url, frame.functionName), selfMs: 0 };
    entry.selfMs += us / 1000;
    byFunction.set(key, entry);
    const onStack = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parents.get(id)) {
      const stackFrame = frames.get(id)!;
      if (areaOf(stackFrame.url, stackFrame.functionName) === APP_BUNDLE && stackFrame.functionName) onStack.add(frameKey(stackFrame));
    }
    for (const fn of onStack) inclusive.set(fn, (inclusive.get(fn) ?? 0) + us / 1000);
  }
  const functions = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs);
  const areas = new Map<string, number>();
  for (const entry of functions) areas.set(entry.area, (areas.get(entry.area) ?? 0) + entry.selfMs);
  return {
    wallMs: totalUs / 1000,
    busyMs: (totalUs - idleUs) / 1000,
    functions,
    areas: [...areas.entries()].map(([area, selfMs]) => ({ area, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
    appInclusive: [...inclusive.entries()].map(([fn, totalMs]) => ({ fn, totalMs })).sort((a, b) => b.totalMs - a.totalMs),
  };
}

function frameKey(frame: TCpuProfile['nodes'][number]['callFrame']): string {
  if (!frame.url) return frame.functionName || '(anonymous)';
  return `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

/** The path from the package or the build directory on, without the worktree's prefix. */
function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) return path.slice(modules + 'node_modules/'.length);
  const build = /\/(\.next[^/]*\/.*)$/.exec(path);
  return build?.[1] ?? path;
}

/**
 * The package a function belongs to. The app's own code is bundled by Next into
 * the build directory (`.next/server/chunks/…`) together with the packages it bundles (zod, next-auth, decimal.js):
 * those frames are "app bundle" unless their (unmangled) chunk path names the package.
 */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? `V8 ${functionName}` : 'V8 / native';
  if (url.startsWith('node:')) return 'Node.js internals';
  const path = url.replace(/^file:\/\//, '');
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (modules?.[1] === 'next' && /next\/dist\/compiled\/([^/]+)/.test(path)) return `next (compiled ${/next\/dist\/compiled\/([^/]+)/.exec(path)![1]})`;
  if (modules?.[1]) return modules[1];
  if (/\/\.next[^/]*\/server\//.test(path)) return APP_BUNDLE;
  return path;
}

/**
 * Markdown: the top `count` functions by self time, the areas, and the app's own functions by
 * inclusive time. Shares are of the profiled thread's busy time; "≈ CPU ms/request" spreads the
 * server's measured CPU per request (from /proc) by those shares. On a loaded machine a sample
 * also counts time the thread waited for a core, so the profile's own milliseconds run high.
 */
export function profileTable(summary: TProfileSummary, requests: number, cpuMsPerRequest: number, count = 20): string {
  const share = (ms: number) => ms / summary.busyMs;
  const cpu = (ms: number) => (share(ms) * cpuMsPerRequest).toFixed(3);
  const percent = (ms: number) => `${(share(ms) * 100).toFixed(1)}%`;
  const name = (fn: string) => `\`${fn.replace(/\|/g, '\\|')}\``;
  return [
    `${requests} requests; server CPU ${cpuMsPerRequest} ms/request (/proc); profiled thread busy ${(summary.busyMs / 1000).toFixed(1)} s of ${(summary.wallMs / 1000).toFixed(1)} s`,
    '',
    '| function (self time) | from | % of busy | ≈ CPU ms/request |',
    '|---|---|---|---|',
    ...summary.functions.slice(0, count).map((entry) => `| ${name(entry.fn)} | ${entry.area} | ${percent(entry.selfMs)} | ${cpu(entry.selfMs)} |`),
    '',
    '| area (self time) | % of busy | ≈ CPU ms/request |',
    '|---|---|---|',
    ...summary.areas.slice(0, 12).map((entry) => `| ${entry.area} | ${percent(entry.selfMs)} | ${cpu(entry.selfMs)} |`),
    '',
    '| app function (inclusive, synchronous part) | % of busy | ≈ CPU ms/request |',
    '|---|---|---|',
    ...summary.appInclusive.slice(0, 15).map((entry) => `| ${name(entry.fn)} | ${percent(entry.totalMs)} | ${cpu(entry.totalMs)} |`),
  ].join('\n');
}
