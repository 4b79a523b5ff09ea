#!/usr/bin/env bash
# Quick start, step 2: installs what is missing (including the integration-test tools: QGIS, PostgreSQL/
# PostGIS, Chromium, wrk), builds the Dev configuration (-Werror) and the sanitizer build, and runs every test.
# Then runs every libFuzzer target for STATIONMAP_FUZZ_SECONDS (default 10) each.
# Set STATIONMAP_SKIP_SANITIZE=1 to skip the ASan+UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install_deps.sh --tests
tools/fetch_web_vendor.sh
jobs=$(nproc)
cmake --preset dev >/dev/null
cmake --build build/dev -j"$jobs"
ctest --test-dir build/dev --output-on-failure -j"$jobs"
if [[ "${STATIONMAP_SKIP_SANITIZE:-0}" != 1 ]]; then
  cmake --preset sanitize >/dev/null
  cmake --build build/sanitize -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build/sanitize --output-on-failure -j"$jobs" -LE "qgis|browser|postgis"
fi
# Every libFuzzer target (ingest readers, geoparser) for a bounded time; longer runs: tools/run_fuzzers.sh 600.
tools/run_fuzzers.sh "${STATIONMAP_FUZZ_SECONDS:-10}"
echo "all tests passed"
