#!/usr/bin/env bash
# Quick start, step 1: installs what is missing, builds stationmap (Release) and maps the bundled samples
# into out/, printing where the layers are.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install_deps.sh
tools/fetch_web_vendor.sh || echo "warning: MapLibre GL JS could not be fetched with npm; index.html will lack the map library" >&2
cmake --preset release >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
build/release/src/stationmap build samples -o out
echo "Open out/stationmap.qgs in QGIS, or load out/stations.geojson, out/links.geojson, out/jurisdictions.geojson."
