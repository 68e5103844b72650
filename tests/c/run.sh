#!/usr/bin/env bash
# Builds each tests/c/test_*.c with gcc under AddressSanitizer and
# UndefinedBehaviorSanitizer and runs it; fails if any check or sanitizer does.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=dist/c
mkdir -p "$out"
node tests/c/fixtures.mjs "$out/discrete.txt" "$out/special.txt" "$out/continuous.txt"

FLAGS=(-std=c11 -O1 -g -Wall -Wextra -Werror -ffp-contract=off -Ic/include -Itests/c)
SANITIZE=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1

status=0
for src in tests/c/test_*.c; do
  name=$(basename "$src" .c)
  gcc "${FLAGS[@]}" "${SANITIZE[@]}" "$src" c/src/*.c -lm -o "$out/$name"
  "$out/$name" "$out/discrete.txt" "$out/special.txt" "$out/continuous.txt" || status=1
done
exit $status
