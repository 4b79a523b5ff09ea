#!/usr/bin/env bash
# Geoparser throughput, memory and cold start (issue 3's speed bar).
#
#   benchmarks/geoparse_throughput.sh [STATIONMAP_BINARY] [CORPUS.jsonl]
#
# Builds LGL x10 (each document replicated 10 times with new ids, about 11 MB of JSON Lines) from the shared
# development corpus, times `stationmap geoparse --jsonl` on one core and with --jobs 2, reports MB/s and
# peak RSS (/usr/bin/time -v), then the baseline: `grep -F -o -w` finding the same gazetteer's names (every
# name and alternate name of geodata/) in the same text; and the cold start on a one-line input.
# Bars: >= 25 MB/s on one core, ratio to grep <= 0.5, peak RSS < 600 MB, cold start < 0.3 s.
# The ratio compares CPU time (user + sys) of the one-core geoparse run with grep's, so that other work on a
# shared machine (which stretches wall time) does not move it; MB/s are given both per wall and per CPU second.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$here/build/release/src/stationmap}"
corpus="${2:-$here/../shared/geoparse/lgl.jsonl}"
[[ -f "$corpus" ]] || corpus=/work/shared/geoparse/lgl.jsonl
work="$(mktemp -d -t stationmap-geoparse-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

python3 - "$corpus" "$work" <<'PY'
import json, sys
corpus, work = sys.argv[1], sys.argv[2]
docs = [json.loads(l) for l in open(corpus, encoding='utf-8') if l.strip()]
with open(f'{work}/x10.jsonl', 'w', encoding='utf-8') as out, open(f'{work}/x10.txt', 'w', encoding='utf-8') as txt:
    for r in range(10):
        for d in docs:
            out.write(json.dumps({'id': f"{d['id']}-{r}", 'text': d['text']}, ensure_ascii=False) + '\n')
            txt.write(d['text'].replace('\n', ' ') + '\n')
with open(f'{work}/one.jsonl', 'w', encoding='utf-8') as out:
    out.write(json.dumps({'id': 'one', 'text': 'Police in Fuzhou opened a station in Paris.'}) + '\n')
PY
bytes=$(stat -c %s "$work/x10.jsonl")
mb=$(python3 -c "print(f'{$bytes/1e6:.2f}')")
echo "input: $work/x10.jsonl, $mb MB, $(wc -l < "$work/x10.jsonl") documents"

run() {  # label, command...
  local label="$1"; shift
  /usr/bin/time -v "$@" > "$work/out" 2> "$work/time" || { cat "$work/time" >&2; exit 1; }
  local secs rss user sys
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$work/time")
  user=$(awk -F': ' '/User time/ {print $2}' "$work/time")
  sys=$(awk -F': ' '/System time/ {print $2}' "$work/time")
  cpu=$(python3 -c "print($user + $sys)")
  printf '%-34s %7.2f s wall  %6.2f s cpu  %7.1f MB/s wall  %7.1f MB/s cpu  peak RSS %5d MB\n' "$label" "$secs" \
    "$cpu" "$(python3 -c "print($bytes/1e6/max($secs,1e-9))")" "$(python3 -c "print($bytes/1e6/max($cpu,1e-9))")" "$rss"
}

"$bin" geoparse --jsonl "$work/one.jsonl" > /dev/null  # warm the page cache for the index
run "stationmap geoparse (1 core)" taskset -c 0 "$bin" geoparse --jsonl "$work/x10.jsonl"
geoparse_cpu=$cpu
run "stationmap geoparse --jobs 2" "$bin" geoparse --jsonl "$work/x10.jsonl" --jobs 2

# Baseline: grep -F -o -w over the same text with every name the gazetteer holds.
geodata="$here/geodata"
{ zcat "$geodata/places.txt.gz" | cut -f2,3,4 | tr '\t,' '\n\n'; zcat "$geodata/alternateNames.txt.gz" | cut -f4; } |
  awk 'length($0) > 1' | sort -u > "$work/names.txt"
echo "baseline names: $(wc -l < "$work/names.txt")"
run "grep -F -o -w (same names, text)" grep -F -o -w -f "$work/names.txt" "$work/x10.txt"
echo "ratio to grep (CPU time, geoparse one core / grep): $(python3 -c "print(f'{$geoparse_cpu/max($cpu,1e-9):.2f}')")"

# Cold start: one line, nothing cached in the process.
best=9
for _ in 1 2 3; do
  t=$( { /usr/bin/time -f '%e' "$bin" geoparse --jsonl "$work/one.jsonl" > /dev/null; } 2>&1 )
  best=$(python3 -c "print(min($best, $t))")
done
echo "cold start (one line, best of 3): $best s"
