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

# The web UI (web/): npm ci from the committed package-lock.json, then its
# build copies the modules into $build/web, where `pactum serve` finds them.
# Skipped, with a note, where node is missing: the API is served without it.
if command -v npm >/dev/null && command -v node >/dev/null; then
  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
  (cd web && node build.mjs "../$build/web")
else
  echo "build: node/npm not found; the web UI is not built (pactum serve serves the API only)" >&2
fi
