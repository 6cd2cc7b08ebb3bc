#!/usr/bin/env bash
# assemble.sh OUT: lays out the production runtime in OUT from a finished `next build` (with
# output: 'standalone'), exactly as the image holds it in /app. The Dockerfile runs this, and so
# does `npm run test:container`, so the two cannot drift.
#   OUT/server.js, node_modules/, .next/   Next's standalone server and its traced dependencies
#   OUT/.next/static                       the browser assets (standalone leaves them out)
#   OUT/prisma/migrations                  what migrate.mjs applies and /api/ready compares
#   OUT/migrate.mjs                        scripts/container/migrate.ts, bundled (pg, Prisma's adapter)
#   OUT/node_modules/@prisma/schema-engine-wasm   the schema engine (WebAssembly) migrate.mjs loads
#   OUT/entrypoint.sh, OUT/healthcheck.mjs
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$1"
dist="${NEXT_DIST_DIR:-.next}"
[ -f "$dist/standalone/server.js" ] || { echo "no $dist/standalone/server.js: run next build (next.config.mjs output: 'standalone')" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
cp -a "$dist/standalone/." "$out/"
# A build into another distDir still serves from .next inside the runtime.
if [ "$dist" != ".next" ] && [ -d "$out/$dist" ]; then rm -rf "$out/.next"; mv "$out/$dist" "$out/.next"; fi
mkdir -p "$out/.next"
cp -a "$dist/static" "$out/.next/static"
if [ -d public ]; then cp -a public "$out/public"; fi
# Next traces prisma/migrations partly (the folders /api/ready lists): replace it with the whole.
rm -rf "$out/prisma/migrations"
mkdir -p "$out/prisma"
cp -a prisma/migrations "$out/prisma/migrations"
node_modules/.bin/esbuild scripts/container/migrate.ts --bundle --platform=node --format=esm --target=node20 \
  --outfile="$out/migrate.mjs" --external:@prisma/schema-engine-wasm --external:pg-native --log-level=warning \
  --banner:js="import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
mkdir -p "$out/node_modules/@prisma"
rm -rf "$out/node_modules/@prisma/schema-engine-wasm"
cp -a node_modules/@prisma/schema-engine-wasm "$out/node_modules/@prisma/schema-engine-wasm"
cp scripts/container/entrypoint.sh scripts/container/healthcheck.mjs "$out/"
chmod 0755 "$out/entrypoint.sh"
# Readable by the image's unprivileged user; nothing in it is written at run time.
chmod -R a+rX "$out"
