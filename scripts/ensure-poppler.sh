#!/usr/bin/env bash
# Finds pdftoppm (Debian's poppler-utils), installing the package when we can: the e2e run turns
# invoice PDFs into pictures with it to check their layout (e2e/invoice-documents.spec.ts).
# Prints the pdftoppm path on success; never lets that check be skipped silently.
set -euo pipefail

if command -v pdftoppm >/dev/null 2>&1; then command -v pdftoppm; exit 0; fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "pdftoppm not found: installing Debian's poppler-utils package (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq poppler-utils >&2 || { apt-get update -qq >&2 && apt-get install -y -qq poppler-utils >&2; }
  if command -v pdftoppm >/dev/null 2>&1; then command -v pdftoppm; exit 0; fi
fi

cat >&2 <<'MSG'
No pdftoppm found for the invoice PDF layout check, and it could not be installed automatically.
Install it, then run the tests again:
    sudo apt-get update && sudo apt-get install -y poppler-utils
MSG
exit 1
