#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is missing, build,
# load the bundled samples into the embedded store, and show what is in it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
export PACTUM_DB=${PACTUM_DB:-$PWD/pactum.db}
bin=${PACTUM_BUILD_DIR:-build}/src/cli/pactum
echo "== ingesting data/samples into $PACTUM_DB"
# Some format samples are meant to fail (none today); a failed file must not stop the demo.
"$bin" ingest data/samples/docs data/samples/formats || true
echo "== events in the store"
"$bin" events
