#!/usr/bin/env bash
# `npm test`: every test, in the order that fails fastest. Nothing is skipped: a missing browser
# is installed (or the run fails saying how to install it).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
trap 'echo; echo "npm test took $(( $(date +%s) - started )) s"' EXIT

# Each step's heading says how long the run has taken so far, so a slow step shows in the log.
step() { printf '\n\033[1m== %s\033[0m (at %d s)\n' "$1" "$(( $(date +%s) - started ))"; }

# `together NAME COMMAND [NAME COMMAND …]`: runs the commands side by side, for steps that each
# keep one core busy, where one after the other would leave the second core idle. Each one's
# output is kept apart and printed whole, under its name, its time and its result, once all have
# ended; fails if any failed.
together() {
  local logs; logs=$(mktemp -d)
  local -a names=() pids=()
  while (( $# >= 2 )); do
    local index=${#names[@]}
    names+=("$1")
    ( begun=$SECONDS; status=0; bash -c "$2" > "$logs/$index" 2>&1 || status=$?; echo "$(( SECONDS - begun )) $status" > "$logs/$index.end"; exit "$status" ) &
    pids+=($!)
    shift 2
  done
  local failed=0 index
  for index in "${!pids[@]}"; do wait "${pids[index]}" || failed=1; done
  for index in "${!names[@]}"; do
    read -r seconds status < "$logs/$index.end"
    printf '\n-- %s: %s in %d s\n' "${names[index]}" "$([[ $status == 0 ]] && echo passed || echo "FAILED (exit $status)")" "$seconds"
    cat "$logs/$index"
  done
  rm -rf "$logs"
  return "$failed"
}

step "browser for e2e"
CHROMIUM_PATH="$(bash scripts/ensure-chromium.sh)"
export CHROMIUM_PATH
echo "using $CHROMIUM_PATH"
step "pdftoppm for the invoice PDF layout check"
bash scripts/ensure-poppler.sh

# tsc and ESLint each use one core: side by side they take the time of the slower.
step "type-check and lint"
together "type-check" "npm run --silent typecheck" "lint" "npm run --silent lint"
step "unit tests";            npm run --silent test:unit
step "integration tests (embedded PostgreSQL)"; npx vitest run --project integration
step "integration tests through PgBouncer (transaction pooling)"; npm run --silent test:pgbouncer
# Type-checked above: the build skips its own TypeScript pass and its cache (next.config.mjs).
step "production build";      NEXT_BUILD_FOR_TESTS=1 npx next build
# Four tests of the built server, each with its own PostgreSQL, ports and scratch directories, in
# two lanes: much of their time is waiting for a server to start or a request to come back.
step "the built server, in two lanes: simulated business and container | two instances and backup"
together \
  "simulated business: 200 tenants × 3 months over HTTP with the test clock, every invariant, then the production container: the standalone server, migrations first, as a non-root user" \
  "SIMULATE_SKIP_BUILD=true npm run --silent simulate -- --tenants 200 --months 3 --seed 1 --no-progress && npm run --silent test:container" \
  "two instances behind nginx (refunds, idempotency, sessions, revocation, rate limits), then backup while running, restore into a fresh server, the console serves it" \
  "npm run --silent test:cluster && npm run --silent test:backup"
step "first-load JS budgets";  npm run --silent perf:bundle
step "end-to-end tests (Chromium against the built app)"; npx playwright test
# Smoke runs of the benchmarks: tiny data, correctness only (exact totals, no errors), so they cannot rot.
step "benchmark smoke: API, contention, console"; npm run --silent bench -- --smoke
step "benchmark smoke: analytics";                npm run --silent bench:analytics -- --smoke
