#!/usr/bin/env bash
# Finds a Chromium for Playwright, installing Debian's package when we can. Playwright's own
# browser download cannot reach its host from these machines (../shared/TOOLCHAIN.md).
# Prints the browser path on success; never lets the e2e suite be skipped silently.
#
# Debian's chromium-headless-shell first: the "old" headless Chromium, the one Playwright itself
# runs for headless tests. Same Blink and V8 as the chromium package, without the full browser's
# UI process and GPU compositing: the e2e suite took 508 CPU-s with it against 579 with chromium
# (285 s against 315 s), every test passing on both. The full chromium is used when it is what
# this machine has and the shell cannot be installed.
set -euo pipefail

for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium-headless-shell; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium's headless shell not found: installing Debian's chromium-headless-shell package (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium-headless-shell >&2 || echo "could not install chromium-headless-shell" >&2
  if [ -x /usr/bin/chromium-headless-shell ]; then echo /usr/bin/chromium-headless-shell; exit 0; fi
fi

for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done

cat >&2 <<'MSG'
No Chromium found for the end-to-end tests, and it could not be installed automatically.
Install it, then run the tests again:
    sudo apt-get update && sudo apt-get install -y chromium-headless-shell
or point CHROMIUM_PATH at an existing Chromium/Chrome binary.
MSG
exit 1
