import { readFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` (Chrome DevTools' format) that self time needs. */
interface TCpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
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
}

const IDLE = '(idle)';

/**
 * Self time per function of one profile: each sample's time (the delta to the next sample) goes
 * to the function on top of the stack. Functions are merged by name and place, so one function
 * reached through many call paths is one row.
 */
export function summarizeProfile(file: string): TProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as TCpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
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
  }
  const functions = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs);
  const areas = new Map<string, number>();
  for (const entry of functions) areas.set(entry.area, (areas.get(entry.area) ?? 0) + entry.selfMs);
  return {
    wallMs: totalUs / 1000,
    busyMs: (totalUs - idleUs) / 1000,
    functions,
    areas: [...areas.entries()].map(([area, selfMs]) => ({ area, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
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
  if (/\/\.next[^/]*\/server\//.test(path)) return 'app bundle (.next/server)';
  return path;
}

/** Markdown: the top `count` functions by self time, in ms per request and % of busy time. */
export function profileTable(summary: TProfileSummary, requests: number, count = 20): string {
  const perRequest = (ms: number) => (ms / requests).toFixed(3);
  const share = (ms: number) => `${((ms / summary.busyMs) * 100).toFixed(1)}%`;
  const rows = summary.functions.slice(0, count).map((entry) => `| \`${entry.fn.replace(/\|/g, '\\|')}\` | ${entry.area} | ${perRequest(entry.selfMs)} | ${share(entry.selfMs)} |`);
  const areas = summary.areas.slice(0, 12).map((entry) => `| ${entry.area} | ${perRequest(entry.selfMs)} | ${share(entry.selfMs)} |`);
  return [
    `main thread busy ${perRequest(summary.busyMs)} ms/request (${requests} requests, ${(summary.busyMs / 1000).toFixed(1)} s busy of ${(summary.wallMs / 1000).toFixed(1)} s profiled)`,
    '',
    '| function (self time) | from | ms/request | % of busy |',
    '|---|---|---|---|',
    ...rows,
    '',
    '| area | ms/request | % of busy |',
    '|---|---|---|',
    ...areas,
  ].join('\n');
}
