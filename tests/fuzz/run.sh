#!/usr/bin/env bash
# Builds the libFuzzer harness (tests/fuzz/fuzz_infodiv.c) against c/src/*.c
# under AddressSanitizer and UndefinedBehaviorSanitizer and runs it on the
# committed corpus with a fixed seed, on one worker: either a fixed number of
# new inputs (--runs N: the same inputs, so the same verdict, on every
# machine) or for a time (SECONDS: exploration, whose verdict depends on the
# machine's speed). New inputs go to a scratch directory, never into the
# corpus; a crash, a sanitizer report, a failed check, a timeout (10 s per
# input) or a leak fails the run, and the input is saved under dist/fuzz/.
#   bash tests/fuzz/run.sh --runs N           (npm test, via npm run test:fuzz: replay.c)
#   bash tests/fuzz/run.sh [SECONDS [SEED]]   (npm run fuzz: 600 s from seed 1; npm run fuzz -- 7:
#                                             from seed 7, which reaches other inputs)
#   bash tests/fuzz/run.sh --merge            folds dist/fuzz/new into the corpus
#                                             (libFuzzer's -merge=1: only inputs
#                                             that add coverage; commit them)
#   dist/fuzz/fuzz_infodiv FILE               replays one input
set -euo pipefail
cd "$(dirname "$0")/../.."
out=dist/fuzz
corpus=tests/fuzz/corpus
mkdir -p "$out" "$out/new"

# -ffp-contract=off: the core's TwoSum/TwoProduct are exact only unfused (as in build.sh)
FLAGS=(-std=c11 -O1 -g -Wall -Wextra -ffp-contract=off -fno-omit-frame-pointer -Ic/include)
SANITIZE=(-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all)
# the parametric reference (tests/fuzz/reference.h) is in __float128: libquadmath,
# which comes with gcc; clang finds its header and library through gcc's directories
QUAD=(-idirafter "$(dirname "$(gcc -print-file-name=include/quadmath.h)")" -L"$(dirname "$(gcc -print-file-name=libquadmath.so)")" -lquadmath)

# The fixed count (npm test) does not use libFuzzer: its coverage-steered
# mutations differ between machines (addresses, clang), so it would not be the
# same inputs everywhere. tests/fuzz/replay.c runs the corpus (by name, in the
# C locale's order) and N blind mutations of it from seed 1, under the same
# sanitizers: the same inputs, bit for bit, on every machine.
if [ "${1:-}" = --runs ]; then
  runs_wanted=${2:?usage: run.sh --runs N}
  clang "${FLAGS[@]}" -fsanitize=address,undefined -fno-sanitize-recover=all tests/fuzz/replay.c tests/fuzz/fuzz_infodiv.c \
    c/src/*.c "${QUAD[@]}" -lm -o "$out/replay"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  mapfile -t files < <(cd "$corpus" && LC_ALL=C ls | sed "s|^|$corpus/|")
  # one share of the inputs per core (replay --share): together, exactly the inputs of one process
  shares=$(nproc)
  pids=()
  for ((s = 0; s < shares; s++)); do
    "$out/replay" --share "$s/$shares" "$runs_wanted" "${files[@]}" >"$out/replay-$s.log" 2>&1 &
    pids+=($!)
  done
  failed=0
  for ((s = 0; s < shares; s++)); do
    if ! wait "${pids[$s]}"; then
      failed=1
      grep -E '^fuzz_infodiv:|^replay:|ERROR|SUMMARY' "$out/replay-$s.log" >&2 || tail -40 "$out/replay-$s.log" >&2
      echo "fuzz: FAILED in share $s/$shares; full log in $out/replay-$s.log; replay one input with dist/fuzz/replay 0 FILE" >&2
    fi
  done
  [ $failed = 0 ] || exit 1
  echo "fuzz: $runs_wanted runs from seed 1 (and ${#files[@]} corpus inputs) in $shares processes, no failures"
  exit 0
fi

clang "${FLAGS[@]}" "${SANITIZE[@]}" tests/fuzz/fuzz_infodiv.c c/src/*.c "${QUAD[@]}" -lm -o "$out/fuzz_infodiv"

if [ "${1:-}" = --merge ]; then
  "$out/fuzz_infodiv" -merge=1 "$corpus" "$out/new"
  echo "corpus: $(ls "$corpus" | wc -l) files, $(cat "$corpus"/* | wc -c) bytes"
  exit 0
fi

seconds=${1:-30}
seed=${2:-1}
LIMIT=(-max_total_time="$seconds")
what="$seconds s from seed $seed"
# a fresh scratch directory each run, so that a run is reproducible (fixed seed,
# committed corpus); fold a long run's finds in with --merge before the next run
rm -rf "$out/new" && mkdir -p "$out/new"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
log="$out/fuzz.log"
status=0
# one process (no -jobs/-workers: those fork and log to ./fuzz-N.log)
"$out/fuzz_infodiv" -seed="$seed" "${LIMIT[@]}" -reload=0 -timeout=10 -rss_limit_mb=2048 \
  -max_len=4096 -print_final_stats=1 -artifact_prefix="$out/" "$out/new" "$corpus" >"$log" 2>&1 || status=$?
if [ $status -ne 0 ]; then
  grep -E '^fuzz_infodiv:|ERROR|SUMMARY|Test unit written|Base64' "$log" >&2 || tail -40 "$log" >&2
  echo "fuzz: FAILED (status $status); full log in $log" >&2
  exit 1
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
echo "fuzz: ${what}: ${runs:-?} runs, ${cov:-cov ?} (corpus $(ls "$corpus" | wc -l) files), no failures"
