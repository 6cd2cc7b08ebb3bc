import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

export interface TRouteBundle {
  /** The URL path, e.g. /plans or /invoices/[id]. */
  route: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

interface TBuildManifest {
  rootMainFiles: string[];
}

type TClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

/**
 * First-load JavaScript of every App Router page in a production build, from the build's own
 * manifests: the root main files every page loads (build-manifest.json `rootMainFiles`, the
 * runtime and React) plus every chunk the page's client-reference manifest lists for the
 * segments of its tree (root layout, console layout, error/not-found boundaries, the page).
 * Each file is counted once per route, gzip-compressed with zlib's default level, as served.
 * The legacy polyfill file (loaded only by browsers without ES modules) is left out.
 */
export async function measureBundles(distDir: string): Promise<TRouteBundle[]> {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = async (file: string) => {
    const cached = sizes.get(file);
    if (cached) return cached;
    const content = await readFile(path.join(distDir, file));
    const size = { raw: content.length, gzip: gzipSync(content).length };
    sizes.set(file, size);
    return size;
  };

  const bundles: TRouteBundle[] = [];
  for (const { route, files } of await firstLoadFiles(distDir)) {
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const file of files) {
      const size = await sizeOf(file);
      rawBytes += size.raw;
      gzipBytes += size.gzip;
    }
    bundles.push({ route, files: files.length, rawBytes, gzipBytes });
  }
  return bundles.sort((a, b) => a.route.localeCompare(b.route));
}

/** Every page's first-load files, as paths inside the build directory (`static/chunks/….js`). */
export async function firstLoadFiles(distDir: string): Promise<{ route: string; files: string[] }[]> {
  const buildManifestPath = path.join(distDir, 'build-manifest.json');
  if (!existsSync(path.join(distDir, 'BUILD_ID')) || !existsSync(buildManifestPath)) {
    throw new Error(`No production build in ${distDir}/: run \`next build\` first (NEXT_DIST_DIR=${distDir} for another directory).`);
  }
  const { rootMainFiles } = JSON.parse(await readFile(buildManifestPath, 'utf8')) as TBuildManifest;
  const appDir = path.join(distDir, 'server', 'app');
  const manifestFiles = (await readdir(appDir, { recursive: true })).filter((file) => file.endsWith('page_client-reference-manifest.js'));
  const routes: { route: string; files: string[] }[] = [];
  for (const manifestFile of manifestFiles) {
    const page = `/${path.dirname(manifestFile)}/page`;
    const route = urlPathOf(page);
    if (route === null) continue;
    const manifest = await loadManifest(path.join(appDir, manifestFile), page);
    const files = new Set(rootMainFiles);
    for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const chunk of chunks) files.add(chunk.replace(/^\/_next\//, ''));
    routes.push({ route, files: [...files] });
  }
  return routes;
}

/** `/(console)/invoices/[id]/page` → `/invoices/[id]`; Next's internal pages → null. */
function urlPathOf(page: string): string | null {
  if (page.startsWith('/_')) return null;
  const segments = page.split('/').filter((segment) => segment && segment !== 'page' && !/^\(.*\)$/.test(segment));
  return `/${segments.join('/')}`;
}

/** The manifest is a script assigning globalThis.__RSC_MANIFEST[page]: run it in an empty context and read that. */
async function loadManifest(file: string, page: string): Promise<TClientReferenceManifest> {
  const context: { __RSC_MANIFEST?: Record<string, TClientReferenceManifest> } = {};
  runInNewContext(await readFile(file, 'utf8'), context);
  const manifests = context.__RSC_MANIFEST ?? {};
  const manifest = manifests[page] ?? Object.values(manifests)[0];
  if (!manifest) throw new Error(`${file} defines no client reference manifest`);
  return manifest;
}
