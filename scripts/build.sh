#!/usr/bin/env bash
# Configures and builds pactum into build/ (or $PACTUM_BUILD_DIR).
# Usage: scripts/build.sh [extra cmake args]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${PACTUM_BUILD_DIR:-build}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE="${PACTUM_BUILD_TYPE:-RelWithDebInfo}" "$@"
fi
cmake --build "$build" -j "$(nproc)"
