#!/usr/bin/env bash
# Installs what is missing: Emscripten (Debian's package) for the build, the
# npm dependencies, and with --browser Debian's Chromium for the browser tests.
# Run by build.sh and `npm test`, so both work on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v emcc >/dev/null 2>&1 || need_apt+=(emscripten)
if [ "${1:-}" = --browser ] && ! [ -x /usr/bin/chromium ]; then need_apt+=(chromium); fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "infodiv: missing ${need_apt[*]}. Install it with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need_apt[*]}" >&2
    exit 1
  fi
  echo "infodiv: installing ${need_apt[*]} with apt-get (one time)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# npm dependencies: installed when absent or older than the lock file.
if ! [ -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "infodiv: installing npm dependencies" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
