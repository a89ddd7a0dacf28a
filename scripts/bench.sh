#!/usr/bin/env bash
# Builds pactum with its benchmarks (Release, into build-bench/ or
# $PACTUM_BENCH_BUILD_DIR) and prints the benchmark table (bench/README.md).
# Arguments go to pactum_bench: --mb N (stage corpus), --rss-mb N (the JSONL
# for pactum ingest and peak RSS; 1024 for the issue's 1 GB), --reps N,
# --seed N, --record (re-record the expected counts), --no-golden.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh >/dev/null
build=${PACTUM_BENCH_BUILD_DIR:-build-bench}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DPACTUM_BUILD_BENCH=ON
fi
if [ "${1:-}" = --search ]; then
  # make bench-search: the search benchmark (bench/search_bench.cc).
  shift
  cmake --build "$build" -j "$(nproc)" --target pactum_search_bench
  out=(--out "${TMPDIR:-/tmp}/pactum-search-bench-$$")
  for a in "$@"; do [ "$a" = --out ] && out=(); done  # --out DIR [--reuse] given
  exec "$build/bench/pactum_search_bench" "${out[@]}" "$@"
fi
cmake --build "$build" -j "$(nproc)" --target pactum pactum_bench pactum_corpus
exec "$build/bench/pactum_bench" --out "${TMPDIR:-/tmp}/pactum-bench-$$" "$@"
