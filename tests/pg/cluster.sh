#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: `cluster.sh start DIR` creates
# a cluster in a temporary data directory (initdb), starts it on 127.0.0.1 on
# a free port with fsync off, writes its URL to DIR/url and prints it;
# `cluster.sh stop DIR` stops it and removes the data directory. CTest runs
# them as the FIXTURES_SETUP / FIXTURES_CLEANUP pair of the PostgreSQL tests.
# Run as root, the server runs as the postgres user (initdb refuses root).
set -euo pipefail

cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: cluster.sh start|stop DIR" >&2
  exit 2
fi

bindir=${PACTUM_PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && bindir=$d
  done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "cluster.sh: no PostgreSQL server found (install postgresql: scripts/install-deps.sh)" >&2
  exit 1
fi

as_server() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop() {
  [ -f "$dir/datadir" ] || return 0
  local data
  data=$(cat "$dir/datadir")
  if [ -d "$data" ]; then
    as_server "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$data"
  fi
  rm -f "$dir/datadir" "$dir/url"
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    stop  # a server left behind by an interrupted run
    data=$(mktemp -d /tmp/pactum-pg-XXXXXX)
    echo "$data" >"$dir/datadir"
    chmod 700 "$data"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data"; fi
    as_server "$bindir/initdb" -D "$data" -U app -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: the kernel picks one; a race with another process taking
    # it before the server does is retried.
    for attempt in 1 2 3 4 5; do
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
      if as_server "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
          -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
          start >/dev/null 2>&1; then
        url="postgresql://app@127.0.0.1:$port/postgres"
        echo "$url" >"$dir/url"
        echo "$url"
        exit 0
      fi
    done
    cat "$data/server.log" >&2 || true
    echo "cluster.sh: the server did not start" >&2
    exit 1
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
