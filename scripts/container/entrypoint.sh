#!/bin/sh
# What the production container runs (the Dockerfile's CMD), and what `npm run test:container`
# runs as a non-root user: the pending migrations first, then the standalone Next.js server.
# A failed migration stops the start, so no instance serves an older schema than it expects.
set -eu
cd "$(dirname "$0")"
node migrate.mjs
exec node server.js
