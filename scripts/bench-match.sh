#!/usr/bin/env bash
# Builds pactum's benchmarks (Release, into build-bench/ or
# $PACTUM_BENCH_BUILD_DIR) and runs the partner-matching benchmark
# (bench/match/README.md): quality against BM25 on bench/match/data, then
# top-10 latency and peak RSS over a generated set. Arguments go to
# pactum_match_bench: --scale N (default 1000000; 0 skips), --queries N,
# --seed N, --data DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh >/dev/null
build=${PACTUM_BENCH_BUILD_DIR:-build-bench}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DPACTUM_BUILD_BENCH=ON
fi
cmake --build "$build" -j "$(nproc)" --target pactum_match_bench
exec "$build/bench/pactum_match_bench" "$@"
