#!/usr/bin/env bash
# Quick start, step 2: installs what is missing (including the integration-test tools: QGIS, PostgreSQL/
# PostGIS, Chromium, wrk), builds the Dev configuration (-Werror, ccache when installed), runs every test, then
# the style gate (tools/check_style.sh: clang-format and clang-tidy; fails on a finding).
# CI (.ci/run) runs this and then adds the sanitizer build and the fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install_deps.sh --tests
tools/fetch_web_vendor.sh
jobs=$(nproc)
cmake --preset dev >/dev/null
cmake --build build/dev -j"$jobs"
ctest --test-dir build/dev --output-on-failure -j"$jobs"
tools/check_style.sh
echo "all tests passed"
