#!/usr/bin/env bash
# Builds the libFuzzer harness (tests/fuzz/fuzz_infodiv.c) against c/src/*.c
# under AddressSanitizer and UndefinedBehaviorSanitizer and runs it on the
# committed corpus with a fixed seed, on one worker: either a fixed number of
# new inputs (--runs N: the same inputs, so the same verdict, on every
# machine) or for a time (SECONDS: exploration, whose verdict depends on the
# machine's speed). New inputs go to a scratch directory, never into the
# corpus; a crash, a sanitizer report, a failed check, a timeout (10 s per
# input) or a leak fails the run, and the input is saved under dist/fuzz/.
#   bash tests/fuzz/run.sh --runs N           (npm test, via npm run test:fuzz)
#   bash tests/fuzz/run.sh [SECONDS]          (npm run fuzz: 600)
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
clang "${FLAGS[@]}" "${SANITIZE[@]}" tests/fuzz/fuzz_infodiv.c c/src/*.c "${QUAD[@]}" -lm -o "$out/fuzz_infodiv"

if [ "${1:-}" = --merge ]; then
  "$out/fuzz_infodiv" -merge=1 "$corpus" "$out/new"
  echo "corpus: $(ls "$corpus" | wc -l) files, $(cat "$corpus"/* | wc -c) bytes"
  exit 0
fi

# A fixed count is the same inputs on every machine only if nothing else varies:
# -reload=0 (no timed rereading of the corpus) and no address randomisation
# (addresses reach libFuzzer's table of compared values, and so its mutations).
# And the corpus in one order: libFuzzer sorts it by size with an unstable
# sort, so files of equal size keep the order they were listed in, which for
# a directory is the file system's; -seed_inputs lists them by name instead.
FIXED=()
SEEDS=("$corpus")
if [ "${1:-}" = --runs ]; then
  runs_wanted=${2:?usage: run.sh --runs N}
  LIMIT=(-runs="$runs_wanted")
  what="$runs_wanted runs from seed 1"
  setarch "$(uname -m)" -R true 2>/dev/null && FIXED=(setarch "$(uname -m)" -R)
  (cd "$corpus" && LC_ALL=C ls | sed "s|^|$corpus/|" | paste -sd, -) >"$out/seed-inputs.txt"
  SEEDS=(-seed_inputs=@"$out/seed-inputs.txt")
else
  seconds=${1:-30}
  LIMIT=(-max_total_time="$seconds")
  what="$seconds s"
fi
# a fresh scratch directory each run, so that a run is reproducible (fixed seed,
# committed corpus); fold a long run's finds in with --merge before the next run
rm -rf "$out/new" && mkdir -p "$out/new"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
log="$out/fuzz.log"
status=0
# one process (no -jobs/-workers: those fork and log to ./fuzz-N.log)
"${FIXED[@]}" "$out/fuzz_infodiv" -seed=1 "${LIMIT[@]}" -reload=0 -timeout=10 -rss_limit_mb=2048 \
  -max_len=4096 -print_final_stats=1 -artifact_prefix="$out/" "$out/new" "${SEEDS[@]}" >"$log" 2>&1 || status=$?
if [ $status -ne 0 ]; then
  grep -E '^fuzz_infodiv:|ERROR|SUMMARY|Test unit written|Base64' "$log" >&2 || tail -40 "$log" >&2
  echo "fuzz: FAILED (status $status); full log in $log" >&2
  exit 1
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
echo "fuzz: ${what}: ${runs:-?} runs, ${cov:-cov ?} (corpus $(ls "$corpus" | wc -l) files), no failures"
