#!/usr/bin/env bash
# Maps a generated corpus with `stationmap build` and reports documents per second and peak memory, for two
# corpus sizes so that memory growth can be read off (it should follow the output, not the corpus).
#   benchmarks/build_corpus.sh [BIN] [N_SMALL] [N_LARGE] [JOBS]     (defaults: build/release/src/stationmap 10000 100000 1)
# The documents are generated here from a few templates (sites, bureaus, statuses, distractors) as one
# JSON Lines file, the way news archives ship.
set -euo pipefail
bin=${1:-build/release/src/stationmap}
small=${2:-10000}
large=${3:-100000}
jobs=${4:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
generate() {
  python3 "$(dirname "$0")/generate_corpus.py" "$1" "$2"
}
for n in "$small" "$large"; do
  generate "$n" "$work/corpus-$n.jsonl"
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build "$work/corpus-$n.jsonl" -o "$work/out-$n" --jobs "$jobs" \
    >/dev/null 2>"$work/stderr" || true
  read -r seconds kb <"$work/time"
  python3 -c "import sys; n,s,kb=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'{n} documents: {s:.1f} s, {n/s:.0f} documents/s, peak {kb/1024:.0f} MB')" "$n" "$seconds" "$kb"
  tail -1 "$work/stderr"
done
