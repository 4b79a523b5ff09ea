#!/bin/sh
# The print map's cost and the OUTDIR's size: builds CORPUS with and without --png, RUNS times each
# (alternating, no claims cache), and prints the mean CPU time (user + sys, what a loaded machine does not
# distort much) and wall time of each, and the size of each OUTDIR.
# Usage: benchmarks/print_map.sh BUILD/src/stationmap CORPUS [RUNS]   (a release build; e.g. ../shared/corpus/dev/docs)
set -eu
binary=$1
corpus=$2
runs=${3:-5}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
i=0
while [ "$i" -lt "$runs" ]; do
  for variant in plain png; do
    flag=""
    [ "$variant" = png ] && flag="--png"
    rm -rf "$scratch/$variant"
    /usr/bin/time -f "$variant %e %U %S" -a -o "$scratch/times" "$binary" build "$corpus" -o "$scratch/$variant" \
      --no-cache $flag >/dev/null 2>&1 || [ $? -eq 1 ]
  done
  i=$((i + 1))
done
awk '{ wall[$1] += $2; cpu[$1] += $3 + $4; n[$1]++ }
     END { for (v in n) printf "%-5s mean CPU %.3f s, mean wall %.3f s (%d runs)\n", v, cpu[v] / n[v], wall[v] / n[v], n[v] }' \
  "$scratch/times"
for variant in plain png; do
  printf '%-5s OUTDIR %s bytes\n' "$variant" "$(du -sb "$scratch/$variant" | cut -f1)"
done
