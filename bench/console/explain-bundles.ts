// `npx tsx bench/console/explain-bundles.ts [distDir] [route…]`: what fills each page's first-load
// JavaScript, by npm package or project file, from the browser source maps of a build made with
// BUNDLE_SOURCE_MAPS=1 (next.config.mjs). Lists what a page loads beyond what every page loads
// (the root main files and the root layout), so an over-budget page shows its own causes.
// EXPLAIN_FILES=1 lists files instead of packages (which of zod's modules, say).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { kB } from './bundle-budget';
import { firstLoadFiles } from './measure-bundles';

interface TSourceMap {
  sources: string[];
  mappings: string;
}

const [distDir = process.env.NEXT_DIST_DIR ?? '.next', ...onlyRoutes] = process.argv.slice(2);

/** Source → gzip bytes in one chunk: the chunk's gzip size shared out by each source's share of its characters. */
async function attributeChunk(file: string): Promise<Map<string, number>> {
  const code = await readFile(path.join(distDir, file), 'utf8');
  const gzip = gzipSync(code).length;
  const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  const mapFile = mapName ? path.join(distDir, path.dirname(file), mapName) : '';
  if (!mapFile || !existsSync(mapFile)) return new Map([[`${file} (no source map: build with BUNDLE_SOURCE_MAPS=1)`, gzip]]);
  const map = JSON.parse(await readFile(mapFile, 'utf8')) as TSourceMap;
  const chars = new Map<string, number>();
  const lines = code.split('\n');
  map.mappings.split(';').forEach((lineMappings, lineIndex) => {
    const lineLength = lines[lineIndex]?.length ?? 0;
    const segments = decodeLine(lineMappings);
    segments.forEach((segment, index) => {
      const end = segments[index + 1]?.column ?? lineLength;
      const source = segment.source === undefined ? '(runtime glue)' : labelOf(map.sources[segment.source] ?? '?');
      chars.set(source, (chars.get(source) ?? 0) + Math.max(0, end - segment.column));
    });
  });
  const total = [...chars.values()].reduce((sum, n) => sum + n, 0) || 1;
  return new Map([...chars].map(([source, n]) => [source, (gzip * n) / total]));
}

/** `turbopack:///[project]/node_modules/zod/v4/core/core.js` → `zod`; project files keep their path. */
function labelOf(source: string): string {
  const clean = source.replace(/^turbopack:\/\/\/\[project\]\//, '').replace(/ <.*>$/, '');
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  return match && !process.env.EXPLAIN_FILES ? match[1]! : clean;
}

// Source-map "mappings" VLQ (base64, 5 bits a digit, sign in the lowest bit); fields are deltas.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
let sourceIndex = 0;
function decodeLine(line: string): { column: number; source?: number }[] {
  const segments: { column: number; source?: number }[] = [];
  let column = 0;
  for (const text of line.split(',')) {
    if (!text) continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of text) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0] ?? 0;
    if (fields.length >= 4) {
      sourceIndex += fields[1]!;
      segments.push({ column, source: sourceIndex });
    } else segments.push({ column });
  }
  return segments;
}

const routes = await firstLoadFiles(distDir);
const common = routes.find((route) => route.route === '/forbidden')?.files ?? [];
const perChunk = new Map<string, Map<string, number>>();
const attribute = async (file: string) => {
  if (!perChunk.has(file)) {
    sourceIndex = 0;
    perChunk.set(file, await attributeChunk(file));
  }
  return perChunk.get(file)!;
};

const sum = async (files: string[]) => {
  const bySource = new Map<string, number>();
  for (const file of files) for (const [source, bytes] of await attribute(file)) bySource.set(source, (bySource.get(source) ?? 0) + bytes);
  return bySource;
};
const print = (title: string, bySource: Map<string, number>) => {
  const rows = [...bySource].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((acc, [, bytes]) => acc + bytes, 0);
  console.log(`\n${title}: ${kB(total)} gzip`);
  for (const [source, bytes] of rows) if (bytes >= 200) console.log(`  ${kB(bytes).padStart(9)}  ${source}`);
};

print('Every page (root main files + root layout, as /forbidden loads them)', await sum(common));
for (const { route, files } of routes) {
  if (onlyRoutes.length && !onlyRoutes.includes(route)) continue;
  print(`${route} beyond that`, await sum(files.filter((file) => !common.includes(file))));
}
