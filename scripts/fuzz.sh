#!/usr/bin/env bash
# Runs every libFuzzer target of fuzz/ for a set time (make fuzz).
# - configures build-fuzz/ with clang: the targets with
#   -fsanitize=fuzzer,address,undefined, the libraries they link with
#   fuzzer-no-link,address,undefined; builds only the targets (fuzz_targets);
# - seeds each target's corpus (build-fuzz/corpus/<target>/, kept between
#   runs) from fuzz/seeds/<target>.txt (data/samples, our seeds) and
#   fuzz/regressions/<target>/;
# - runs each for FUZZ_SECONDS (default 60: 11 targets, over 10 minutes in
#   all) and prints its executions. A crash, leak or timeout stops the run
#   with the reproducer in build-fuzz/artifacts/<target>/; once fixed, copy it
#   to fuzz/regressions/<target>/ (replayed by CTest in the normal build).
# Usage: scripts/fuzz.sh [target...]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${PACTUM_FUZZ_BUILD_DIR:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
cc=${FUZZ_CC:-clang-14}
cxx=${FUZZ_CXX:-clang++-14}
command -v "$cxx" >/dev/null || cxx=clang++
command -v "$cc" >/dev/null || cc=clang

if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  san="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_C_FLAGS="$san" -DCMAKE_CXX_FLAGS="$san" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DPACTUM_FUZZ=ON -DPACTUM_BUILD_TESTS=OFF
fi
# FUZZ_NO_BUILD=1 runs the targets as built last time.
[ -n "${FUZZ_NO_BUILD:-}" ] || cmake --build "$build" -j "${FUZZ_JOBS:-2}" --target fuzz_targets

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(html feed pdf jsonl ingest_date dates extractor profile_jsonl profile_csv search_query api)
fi

export PACTUM_DATA="$root/data"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
summary=()
failed=0
start=$(date +%s)
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  # Seeds: every file the target's list names, then its regressions.
  while IFS= read -r g; do
    case "$g" in ''|'#'*) continue ;; esac
    for f in $root/$g; do [ -f "$f" ] && cp -f "$f" "$corpus/seed_$(basename "$f")"; done
  done <"fuzz/seeds/$t.txt"
  if [ -d "fuzz/regressions/$t" ]; then
    for f in fuzz/regressions/"$t"/*; do [ -f "$f" ] && cp -f "$f" "$corpus/regression_$(basename "$f")"; done
  fi
  log="$build/fuzz-$t.log"
  echo "fuzz: $t for ${seconds}s (corpus $corpus)"
  set +e
  "$build/fuzz/pactum_fuzz_$t" "$corpus" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=3072 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  line=$(printf '%-14s %10s executions  rc=%d' "$t" "${execs:-?}" "$rc")
  echo "  $line"
  summary+=("$line")
  if [ $rc -ne 0 ]; then
    failed=1
    grep -m1 -E 'ERROR|SUMMARY|Test unit written' "$log" || true
    echo "  see $log and $artifacts/"
  fi
done
echo "fuzz summary ($(( $(date +%s) - start ))s in all):"
printf '  %s\n' "${summary[@]}"
exit $failed
