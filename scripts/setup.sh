#!/usr/bin/env bash
# Installs what the build needs and is missing: Emscripten (Debian's package).
# Run by build.sh, so `npm start` and `npm test` work on a fresh machine.
set -euo pipefail

need_apt=()
command -v emcc >/dev/null 2>&1 || need_apt+=(emscripten)
[ ${#need_apt[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "infodiv: missing ${need_apt[*]}. Install it with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need_apt[*]}" >&2
  exit 1
fi
echo "infodiv: installing ${need_apt[*]} with apt-get (one time)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
