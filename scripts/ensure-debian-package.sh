#!/usr/bin/env bash
# ensure-debian-package.sh BINARY PACKAGE: prints the path of BINARY, installing Debian's PACKAGE
# with apt-get when it is missing (as root), or fails saying exactly what to install. Used by the
# PgBouncer and cluster tests (pgbouncer, nginx), as ensure-chromium.sh is by e2e.
set -euo pipefail
binary="$1"
package="$2"

find_binary() { command -v "$binary" 2>/dev/null || { [ -x "/usr/sbin/$binary" ] && echo "/usr/sbin/$binary"; } || true; }

found="$(find_binary)"
if [ -n "$found" ]; then echo "$found"; exit 0; fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "$binary not found: installing Debian's $package package (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # The package's own service is not wanted (no init system here, and the tests run their own).
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d.billing && chmod +x /usr/sbin/policy-rc.d.billing
  [ -e /usr/sbin/policy-rc.d ] || ln -s /usr/sbin/policy-rc.d.billing /usr/sbin/policy-rc.d
  apt-get install -y -qq "$package" >&2
  [ "$(readlink /usr/sbin/policy-rc.d 2>/dev/null)" = /usr/sbin/policy-rc.d.billing ] && rm -f /usr/sbin/policy-rc.d
  rm -f /usr/sbin/policy-rc.d.billing
  found="$(find_binary)"
  if [ -n "$found" ]; then echo "$found"; exit 0; fi
fi

echo "No $binary found, and it could not be installed automatically. Install it, then run again:" >&2
echo "    sudo apt-get update && sudo apt-get install -y $package" >&2
exit 1
