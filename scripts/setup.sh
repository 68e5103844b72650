#!/usr/bin/env bash
# Installs what is missing: Emscripten (Debian's package) for the build, the
# npm dependencies, with --engines Firefox ESR, WebKitWebDriver and Xvfb for
# `npm run test:engines`, and with --browser Debian's Chromium for the browser tests
# and the native test tools (--native-tools alone installs just those): clang
# with libFuzzer (libclang-rt-14-dev holds libclang_rt.fuzzer) for
# tests/fuzz/run.sh, valgrind for tests/c/run.sh, clang-format for `npm run lint`.
# Run by build.sh and `npm test`, so both work on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=0 native=0 engines=0
for arg in "$@"; do
  case "$arg" in
    --browser) browser=1 native=1 ;;
    --native-tools) native=1 ;;
    --engines) engines=1 ;;
    *) echo "usage: scripts/setup.sh [--browser] [--native-tools] [--engines]" >&2; exit 2 ;;
  esac
done

need_apt=()
command -v emcc >/dev/null 2>&1 || need_apt+=(emscripten)
if [ $browser = 1 ] && ! [ -x /usr/bin/chromium ]; then need_apt+=(chromium); fi
if [ $engines = 1 ]; then
  command -v firefox-esr >/dev/null 2>&1 || need_apt+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null 2>&1 || need_apt+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null 2>&1 || need_apt+=(xvfb xauth)
fi
if [ $native = 1 ]; then
  command -v clang >/dev/null 2>&1 || need_apt+=(clang)
  # libFuzzer's runtime: the clang-rt package of the clang major version found (14 on Debian 12)
  clang_major=$(clang --version 2>/dev/null | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n 1)
  clang_major=${clang_major:-14}
  ls /usr/lib/llvm-"$clang_major"/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 \
    || need_apt+=(libclang-rt-"$clang_major"-dev)
  command -v valgrind >/dev/null 2>&1 || need_apt+=(valgrind)
  command -v clang-format >/dev/null 2>&1 || need_apt+=(clang-format)
fi

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

# npm dependencies: installed when absent or installed from another lock file
# (compared by content: a checkout's mtimes say nothing about which is newer).
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if ! [ -f node_modules/.package-lock.json ] || [ "$(cat node_modules/.infodiv-lock 2>/dev/null)" != "$lock_hash" ]; then
  echo "infodiv: installing npm dependencies" >&2
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >node_modules/.infodiv-lock
fi
