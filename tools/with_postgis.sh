#!/usr/bin/env bash
# Starts a throwaway PostgreSQL + PostGIS server in a folder, for the render stage's PostGIS tests.
#   with_postgis.sh start DIR   initdb in DIR, start on a Unix socket in DIR, create database "stationmap" with
#                               PostGIS; prints the GDAL connection string ("PG:dbname=... host=DIR ...").
#   with_postgis.sh stop DIR    stop the server and delete DIR.
#   with_postgis.sh run CMD...  start in a temporary folder, run CMD with STATIONMAP_TEST_PG set, stop.
# Needs the Debian packages postgresql and postgis (postgresql-15-postgis-3). As root, the server runs as the
# postgres user (initdb refuses root). Exit status 3 with a reason on stderr when a server cannot be started.
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
fail() { echo "with_postgis: $*" >&2; exit 3; }

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local dir=$1
  [[ -n "$pg_bin" && -x "$pg_bin/initdb" ]] || fail "PostgreSQL server binaries not found (apt-get install postgresql)"
  ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
    || fail "PostGIS not installed (apt-get install postgis postgresql-15-postgis-3)"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || fail "no postgres user to run the server as"
  fi
  mkdir -p "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  as_owner "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || fail "initdb failed: $(tail -3 "$dir/initdb.log")"
  local port=$((20000 + RANDOM % 20000))
  as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -p $port -c fsync=off" start >/dev/null 2>&1 \
    || fail "server did not start: $(tail -3 "$dir/server.log" 2>/dev/null)"
  echo "$port" >"$dir/port"
  "$pg_bin/psql" -h "$dir" -p "$port" -U postgres -qAt -c "CREATE DATABASE stationmap" >/dev/null \
    || fail "cannot create the database"
  "$pg_bin/psql" -h "$dir" -p "$port" -U postgres -d stationmap -qAt -c "CREATE EXTENSION postgis" >/dev/null \
    || fail "cannot create the postgis extension"
  echo "PG:dbname=stationmap host=$dir port=$port user=postgres"
}

stop() {
  local dir=$1
  if [[ -d "$dir/data" ]]; then
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "$2" ;;
  stop) stop "$2" ;;
  run)
    shift
    dir=$(mktemp -d /tmp/stationmap-pg.XXXXXX)
    trap 'stop "$dir"' EXIT
    STATIONMAP_TEST_PG=$(start "$dir") || exit 3
    export STATIONMAP_TEST_PG
    "$@"
    ;;
  *) echo "usage: $0 start DIR | stop DIR | run COMMAND..." >&2; exit 2 ;;
esac
