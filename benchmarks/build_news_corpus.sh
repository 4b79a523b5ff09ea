#!/usr/bin/env bash
# Maps the news-like corpus (benchmarks/generate_news_corpus.py: recombined paragraphs naming street addresses in
# thousands of towns, so the tiles reach zoom 12) with `stationmap build --no-cache` and reports the wall time, the
# peak memory, the tiles stage's own time and peak (benchmarks/trace_build.py), the map's size and the tiles
# per zoom.
#   benchmarks/build_news_corpus.sh [BIN] [N] [JOBS] [WORKDIR]
#   (defaults: build/release/src/stationmap 100000 1, a temporary folder; a WORKDIR keeps the corpus and map)
set -euo pipefail
bin=${1:-build/release/src/stationmap}
n=${2:-100000}
jobs=${3:-1}
here=$(cd "$(dirname "$0")" && pwd)
if [[ -n "${4:-}" ]]; then
  work=$4
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
corpus="$work/news-$n.jsonl"
[[ -s "$corpus" ]] || python3 "$here/generate_news_corpus.py" "$n" "$corpus"
rm -rf "$work/out-$n"
/usr/bin/time -f "%e %M %U %S" -o "$work/time" python3 "$here/trace_build.py" "$work/out-$n" -- \
  "$bin" build "$corpus" -o "$work/out-$n" --no-cache --jobs "$jobs"
read -r seconds kb user sys <"$work/time"
# /usr/bin/time's peak is the largest process it waited for: the build (the tracer itself stays far below).
python3 -c "import sys; n,s,kb,cpu=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]),float(sys.argv[4])+float(sys.argv[5]); print(f'{n} news-like documents, --jobs $jobs: {s:.1f} s wall, {cpu:.1f} s CPU, peak {kb/1024:.0f} MB')" "$n" "$seconds" "$kb" "$user" "$sys"
du -sm "$work/out-$n" | awk '{print "map: " $1 " MB"}'
ls -l "$work/out-$n"/tiles.* | awk '{printf "%s %.1f MB\n", $NF, $5/1048576}'
python3 - "$work/out-$n/tiles.mbtiles" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select zoom_level, count(*), sum(length(tile_data)) from tiles group by zoom_level").fetchall()
print("tiles per zoom: " + ", ".join(f"z{z} {c} ({b / 1048576:.1f} MB)" for z, c, b in rows))
print(f"tiles: {sum(c for _, c, _ in rows)}")
PY
