#!/usr/bin/env bash
# The bars of incremental and sharded builds over the generated corpus of build_corpus.sh (N documents, one
# JSON Lines file): a clean build (--no-cache), a first build that fills the cache, a rebuild after adding one
# document (from the cache), a clean build of the N+1 documents (the rebuild's map must be byte-identical), and
# four shards extracted by GNU parallel and merged with build --claims (byte-identical to the clean build).
#   benchmarks/incremental_build.sh [BIN] [N] [JOBS]     (defaults: build/release/src/stationmap 100000 1)
set -euo pipefail
bin=$(realpath "${1:-build/release/src/stationmap}")
n=${2:-100000}
jobs=${3:-1}
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/a" "$work/b"
python3 "$here/generate_corpus.py" "$n" "$work/a/corpus.jsonl"
python3 "$here/generate_corpus.py" "$((n + 1))" "$work/b/corpus.jsonl" # the same N documents and one more
measure() { # label, then the command
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
  read -r seconds kb <"$work/time"
  printf '%-44s %7.1f s  peak %5d MB   %s\n' "$label" "$seconds" "$((kb / 1024))" "$(grep -o '[0-9]* documents read.*skipped' "$work/stderr" | head -1)"
}
measure "clean build, $n docs (--no-cache)" "$bin" build "$work/a" -o "$work/clean-a" --jobs "$jobs" --no-cache
measure "first build, $n docs (fills the cache)" "$bin" build "$work/a" -o "$work/map" --cache "$work/cache" --jobs "$jobs"
cp "$work/b/corpus.jsonl" "$work/a/corpus.jsonl"
measure "rebuild, $((n + 1)) docs (cache)" "$bin" build "$work/a" -o "$work/map" --cache "$work/cache" --jobs "$jobs"
measure "clean build, $((n + 1)) docs (--no-cache)" "$bin" build "$work/b" -o "$work/clean-b" --jobs "$jobs" --no-cache
diff -r "$work/map" "$work/clean-b" >/dev/null && echo "rebuild == clean build of $((n + 1)): byte-identical" ||
  echo "rebuild != clean build of $((n + 1)): DIFFERENT"
start=$(date +%s.%N)
parallel "$bin" extract "$work/b" --shard {}/4 -o "$work/shard-{}.jsonl" --jobs "$jobs" ::: 1 2 3 4 2>/dev/null || true
mid=$(date +%s.%N)
measure "build --claims of 4 shards" "$bin" build --claims "$work"/shard-*.jsonl -o "$work/merged" --jobs "$jobs"
printf '4 shards extracted by GNU parallel: %.1f s (wall, 4 processes)\n' "$(echo "$mid - $start" | bc)"
diff -r "$work/merged" "$work/clean-b" >/dev/null && echo "4 shards merged == one-command build: byte-identical" ||
  echo "4 shards merged != one-command build: DIFFERENT"
