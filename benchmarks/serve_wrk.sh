#!/usr/bin/env bash
# Requests per second of `stationmap serve` with wrk (Debian package wrk), for one cached tile, for every
# tile and for the layers; then hostile clients (serve_hostile.py: 64 half-open connections, 2,700 ranges).
#   benchmarks/serve_wrk.sh [BUILD_DIR] [OUTDIR]
# BUILD_DIR (default build/bench, else build/release) holds src/stationmap and tests/make_test_outdir;
# without OUTDIR a test OUTDIR is written from the fixture ClaimSet. Traffic goes to 127.0.0.1 only,
# 200 keep-alive connections for 10 s per run (DURATION and CONNECTIONS override). Prints one line per run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-}
if [[ -z "$build" ]]; then
  for b in "$root/build/bench" "$root/build/release"; do
    if [[ -x "$b/src/stationmap" ]]; then build=$b; break; fi
  done
fi
[[ -n "$build" && -x "$build/src/stationmap" ]] || { echo "serve_wrk: no stationmap binary; give BUILD_DIR" >&2; exit 2; }
command -v wrk >/dev/null || { echo "serve_wrk: wrk is missing (apt-get install wrk)" >&2; exit 2; }
duration=${DURATION:-10s}
connections=${CONNECTIONS:-200}
work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
outdir=${2:-}
if [[ -z "$outdir" ]]; then
  outdir="$work/out"
  "$build/tests/make_test_outdir" "$outdir" 2>/dev/null || [[ -f "$outdir/tiles.mbtiles" ]]
fi

# Tile paths: every stored tile (TMS rows back to XYZ).
python3 - "$outdir/tiles.mbtiles" > "$work/tiles.txt" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for z, x, row in db.execute("SELECT zoom_level, tile_column, tile_row FROM tiles ORDER BY 1, 2, 3"):
    print(f"/tiles/{z}/{x}/{(1 << z) - 1 - row}.pbf")
PY
head -1 "$work/tiles.txt" > "$work/one_tile.txt"
ls "$outdir"/*.geojson 2>/dev/null | sed 's|.*/\(.*\)\.geojson$|/data/\1.geojson|' > "$work/layers.txt"
[[ -s "$work/layers.txt" ]] || { echo "serve_wrk: no layers (*.geojson) in $outdir" >&2; exit 2; }

cat > "$work/paths.lua" <<'LUA'
-- Cycles through the paths listed in the file named by the first script argument.
local paths = {}
local counter = 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
LUA

"$build/src/stationmap" serve "$outdir" --port 0 2> "$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "${port:-}" ]] || { echo "serve_wrk: server did not start" >&2; cat "$work/serve.log" >&2; exit 2; }

run() {  # name, path list
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/paths.lua" "http://127.0.0.1:$port" -- "$2")
  local rps non2xx errors p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  errors=$(awk '/Socket errors/ {sub(/^ */, ""); print $0}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "serve_wrk: $1: ${rps} requests/s, p99 ${p99}, $(wc -l < "$2") distinct paths, ${connections} connections, ${duration}, non-2xx ${non2xx:-0}${errors:+, $errors}"
}
run "one cached tile" "$work/one_tile.txt"
run tiles "$work/tiles.txt"
run layers "$work/layers.txt"
range_path=/maplibre-gl.js
[[ -f "$outdir/maplibre-gl.js" ]] || range_path=/tiles.pmtiles
python3 "$root/benchmarks/serve_hostile.py" "$port" "$server_pid" "$range_path"
