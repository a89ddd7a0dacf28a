#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is missing, build,
# load the bundled samples (documents and profiles) into the embedded store,
# show what is in it, and
# serve the web UI and REST API (pactum serve) until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
export PACTUM_DB=${PACTUM_DB:-$PWD/pactum.db}
bin=${PACTUM_BUILD_DIR:-build}/src/cli/pactum
echo "== ingesting data/samples into $PACTUM_DB"
# Some format samples are meant to fail (none today); a failed file must not stop the demo.
"$bin" ingest data/samples/docs data/samples/formats || true
echo "== importing the sample cooperation profiles"
for f in data/samples/profiles/*.jsonl; do "$bin" profiles import "$f" || true; done
echo "== events in the store"
"$bin" events
port=${PACTUM_PORT:-8080}
echo "== serving the web UI and REST API: open http://127.0.0.1:$port/ (Ctrl-C stops)"
exec "$bin" serve --port "$port" --access-log "${PACTUM_ACCESS_LOG:-off}"
