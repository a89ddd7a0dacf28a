#!/usr/bin/env bash
# Installs the Debian packages pactum needs to build, test and run.
# Non-interactive and idempotent: packages already present are skipped, so a
# second run does no network work at all.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git python3
  libicu-dev libsqlite3-dev libstemmer-dev libcld2-dev
  libgumbo-dev libxml2-dev libxml2-utils libpoppler-cpp-dev libcurl4-openssl-dev
  nlohmann-json3-dev libcli11-dev
  iso-codes libssl-dev
  libmecab-dev mecab mecab-ipadic-utf8
  libvectorscan-dev libmimalloc-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  libcpp-httplib-dev
  chromium chromium-driver fonts-ipafont-gothic
  wrk sqlite3 time
  postgresql libpq-dev
  clang-14 libclang-rt-14-dev
)
# sqlite3 and time: the hostile-input test checks the store with PRAGMA
# integrity_check and measures peak RSS; clang-14 and its runtime (libFuzzer,
# sanitizers): make fuzz (scripts/fuzz.sh).
# The web UI's build and browser tests need node and npm; a machine that has
# them from elsewhere (NodeSource) keeps its own, which Debian's npm would conflict with.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
