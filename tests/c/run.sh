#!/usr/bin/env bash
# Builds each tests/c/test_*.c twice and runs both, failing if any check,
# sanitizer or Valgrind report does:
#   1. gcc with AddressSanitizer and UndefinedBehaviorSanitizer;
#   2. gcc without sanitizers (-O1 -g), run under Valgrind's memcheck, which
#      also sees what ASan cannot (reads of uninitialised memory) and leaks.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=dist/c
mkdir -p "$out"
node tests/c/fixtures.mjs "$out/discrete.txt" "$out/special.txt" "$out/continuous.txt" "$out/extreme.txt"
data=("$out/discrete.txt" "$out/special.txt" "$out/continuous.txt" "$out/extreme.txt")

FLAGS=(-std=c11 -O1 -g -Wall -Wextra -Werror -ffp-contract=off -Ic/include -Itests/c)
SANITIZE=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
# every error is fatal, leaks of every kind included; -q: only reports are printed
VALGRIND=(valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all -q)

if ! command -v valgrind >/dev/null 2>&1; then
  echo "tests/c/run.sh: valgrind is missing (bash scripts/setup.sh installs it)" >&2
  exit 1
fi

jobs=$(nproc)
# Waits until fewer than one job per core run (a job's status is read from its pid later).
wait_for_core() { while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done; }

# The core compiled once for each build (not once per test file), one file per job.
mkdir -p "$out/asan" "$out/plain"
compiles=()
for src in c/src/*.c; do
  wait_for_core
  gcc "${FLAGS[@]}" "${SANITIZE[@]}" -c "$src" -o "$out/asan/$(basename "$src" .c).o" &
  compiles+=($!)
  wait_for_core
  gcc "${FLAGS[@]}" -c "$src" -o "$out/plain/$(basename "$src" .c).o" &
  compiles+=($!)
done
for pid in "${compiles[@]}"; do wait "$pid"; done # a compiler error stops here (set -e)
core_asan=() core_plain=()
for src in c/src/*.c; do
  core_asan+=("$out/asan/$(basename "$src" .c).o")
  core_plain+=("$out/plain/$(basename "$src" .c).o")
done

# One test file: both builds and both runs, its output in $out/NAME.log.
run_one() {
  local src=$1 name status=0
  name=$(basename "$src" .c)
  {
    echo "== $name (ASan + UBSan)"
    gcc "${FLAGS[@]}" "${SANITIZE[@]}" "$src" "${core_asan[@]}" -lm -o "$out/$name" && "$out/$name" "${data[@]}" || status=1
    echo "== $name (Valgrind memcheck)"
    gcc "${FLAGS[@]}" "$src" "${core_plain[@]}" -lm -o "$out/$name-plain" && "${VALGRIND[@]}" "$out/$name-plain" "${data[@]}" || status=1
  } >"$out/$name.log" 2>&1
  return $status
}

# The files run side by side, one per core; their logs are printed in order.
declare -A pid_of
status=0
for src in tests/c/test_*.c; do
  wait_for_core
  run_one "$src" &
  pid_of[$src]=$!
done
for src in tests/c/test_*.c; do
  wait "${pid_of[$src]}" || status=1
  cat "$out/$(basename "$src" .c).log"
done
exit $status
