#!/usr/bin/env bash
# All tests: installs what is missing, builds, runs every unit, CLI and
# quality test through CTest (the quality floors need ../shared beside the repo).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --test-dir "${PACTUM_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
# The same tests under ASan+UBSan, the server and parallel ingest under TSan
# (scripts/sanitize.sh); PACTUM_SANITIZE=0 skips them. They add about
# 22 minutes to a cold 2-core run (README "Hardening").
if [ "${PACTUM_SANITIZE:-1}" != 0 ]; then
  bash scripts/sanitize.sh
fi
