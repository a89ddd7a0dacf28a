#!/usr/bin/env bash
# The tests under sanitizers (called by scripts/test.sh, `make sanitize`):
#   asan: every unit and integration test under AddressSanitizer and
#         UndefinedBehaviorSanitizer (build-asan/: pactum and the unit test
#         binaries);
#   tsan: the server (REST API walk and security test, api unit tests) and the parallel ingest
#         under ThreadSanitizer (build-tsan/: only pactum and pactum_api_test).
# Lean for a cold 2-core CI machine: -O1 -g1 (line tables: a third cheaper
# to compile than -g), no benchmarks, and
# the slow quality, browser, bench and crash tests are left to the normal build.
# A sanitizer report fails the run even where a test expected pactum to
# fail: reports go to files (log_path) and any file is an error.
# Usage: scripts/sanitize.sh [asan] [tsan]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(asan tsan)
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
jobs=$(nproc)

configure() {  # DIR BUILD_TYPE
  if [ ! -f "$1/CMakeCache.txt" ]; then
    cmake -S . -B "$1" "${generator[@]}" -DCMAKE_BUILD_TYPE="$2" \
          -DPACTUM_BUILD_BENCH=OFF >/dev/null
  fi
}

# Runs ctest with ARGS... in DIR and fails on any sanitizer report file
# (in DIR/sanitizer-logs, emptied by clear_logs).
clear_logs() { rm -rf "$PWD/$1/sanitizer-logs" && mkdir -p "$PWD/$1/sanitizer-logs"; }
run_ctest() {  # DIR ARGS...
  local dir=$1; shift
  local logs="$PWD/$dir/sanitizer-logs" status=0
  ASAN_OPTIONS="log_path=$logs/asan:detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0" \
  UBSAN_OPTIONS="log_path=$logs/ubsan:print_stacktrace=1:halt_on_error=1" \
  TSAN_OPTIONS="log_path=$logs/tsan:halt_on_error=0:second_deadlock_stack=1" \
  LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0" \
    ctest --test-dir "$dir" --output-on-failure -j "$jobs" "$@" || status=1
  if compgen -G "$logs/*" >/dev/null; then
    echo "sanitize: sanitizer reports in $logs:" >&2
    head -n 60 "$logs"/* >&2
    status=1
  fi
  return $status
}

status=0
for kind in "${kinds[@]}"; do
  start=$(date +%s)
  case "$kind" in
    asan)
      configure build-asan Sanitize
      cmake --build build-asan -j "$jobs"
      built=$(date +%s)
      clear_logs build-asan
      # The PostgreSQL store's own suites run here; the PostgreSQL CLI
      # scripts (2,000 queued documents, the API walk, the SQLite CLI tests
      # again) repeat code paths the SQLite CLI tests already put under
      # ASan, and would double the pass.
      run_ctest build-asan -LE 'quality|browser|bench|crash' -E '^pg[.](cli|on_pg)[.]' || status=1
      ;;
    tsan)
      configure build-tsan Tsan
      cmake --build build-tsan -j "$jobs" --target pactum pactum_api_test
      built=$(date +%s)
      clear_logs build-tsan
      run_ctest build-tsan -L unit -E '_NOT_BUILT$' || status=1
      run_ctest build-tsan -R '^(cli\.ingest_test|api\.(openapi_walk|security))$' || status=1
      ;;
    *) echo "sanitize: unknown kind $kind (asan, tsan)" >&2; exit 2 ;;
  esac
  echo "sanitize: $kind: build $((built - start)) s, tests $(( $(date +%s) - built )) s"
done
exit $status
