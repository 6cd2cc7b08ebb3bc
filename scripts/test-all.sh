#!/usr/bin/env bash
# `npm test`: every test, in the order that fails fastest. Nothing is skipped: a missing browser
# is installed (or the run fails saying how to install it).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
trap 'echo; echo "npm test took $(( $(date +%s) - started )) s"' EXIT

# Each step's heading says how long the run has taken so far, so a slow step shows in the log.
step() { printf '\n\033[1m== %s\033[0m (at %d s)\n' "$1" "$(( $(date +%s) - started ))"; }

step "browser for e2e"
CHROMIUM_PATH="$(bash scripts/ensure-chromium.sh)"
export CHROMIUM_PATH
echo "using $CHROMIUM_PATH"
step "pdftoppm for the invoice PDF layout check"
bash scripts/ensure-poppler.sh

step "type-check";            npm run --silent typecheck
step "lint";                  npm run --silent lint
step "unit tests";            npm run --silent test:unit
step "integration tests (embedded PostgreSQL)"; npx vitest run --project integration
step "integration tests through PgBouncer (transaction pooling)"; npm run --silent test:pgbouncer
# Type-checked above: the build skips its own TypeScript pass and its cache (next.config.mjs).
step "production build";      NEXT_BUILD_FOR_TESTS=1 npx next build
step "simulated business: 200 tenants × 3 months over HTTP with the test clock, every invariant"; SIMULATE_SKIP_BUILD=true npm run --silent simulate -- --tenants 200 --months 3 --seed 1 --no-progress
step "two instances behind nginx (refunds, idempotency, sessions, revocation, rate limits)"; npm run --silent test:cluster
step "production container: the standalone server, migrations first, as a non-root user"; npm run --silent test:container
step "backup while running, restore into a fresh server, the console serves it"; npm run --silent test:backup
step "first-load JS budgets";  npm run --silent perf:bundle
step "end-to-end tests (Chromium against the built app)"; npx playwright test
# Smoke runs of the benchmarks: tiny data, correctness only (exact totals, no errors), so they cannot rot.
step "benchmark smoke: API, contention, console"; npm run --silent bench -- --smoke
step "benchmark smoke: analytics";                npm run --silent bench:analytics -- --smoke
