#!/usr/bin/env bash
# Builds the ingest libFuzzer targets (fuzz/) with clang and runs each for a bounded time.
#   tools/run_fuzzers.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s; targets: html encoding jsonl markdown geoparse claims)
# Corpora grow in build/fuzz/corpus/<target> (seeded from tests/ingest/data); crashes land in
# build/fuzz/crashes/<target>/. Prints executions and crashes per target; exits 1 when any target crashed.
set -euo pipefail
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(html encoding jsonl markdown geoparse claims)
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build/fuzz"
CC=clang CXX=clang++ cmake -S "$root/fuzz" -B "$build" -G Ninja -DSTATIONMAP_FUZZ=ON >/dev/null
if ! cmake --build "$build" -j "${FUZZ_BUILD_JOBS:-2}" >"$build/build.log" 2>&1; then
  tail -n 40 "$build/build.log" >&2
  echo "run_fuzzers: the fuzz targets did not build (log: $build/build.log)" >&2
  exit 1
fi
status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  crashes="$build/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  case "$target" in
    html) seeds=("$root"/tests/ingest/data/*.html "$root"/tests/ingest/data/*.md) ;;
    jsonl) seeds=("$root"/tests/ingest/data/*.jsonl "$root"/tests/ingest/data/*.json) ;;
    markdown) seeds=("$root"/tests/ingest/data/*.md "$root"/tests/ingest/data/*.txt) ;;
    claims) seeds=("$root"/tests/pipeline/data/*.jsonl "$root"/tests/pipeline/data/*.bin) ;;
    geoparse) seeds=("$root"/tests/golden/*/docs/*.txt "$root"/tests/golden/*/docs/*.md) ;;
    *) seeds=("$root"/tests/ingest/data/*.txt "$root"/tests/ingest/data/*.html) ;;
  esac
  cp -n "${seeds[@]}" "$corpus"/ 2>/dev/null || true
  log="$build/$target.log"
  set +e
  "$build/fuzz_$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  found=$(find "$crashes" -type f | wc -l)
  echo "fuzz_$target: ${seconds}s, $execs executions, $found crash/timeout/oom artifacts, exit $rc (log: $log)"
  if [ "$rc" -ne 0 ] || [ "$found" -gt 0 ]; then status=1; fi
done
exit $status
