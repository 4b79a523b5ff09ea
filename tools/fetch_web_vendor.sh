#!/usr/bin/env bash
# Fetches the web map's npm packages (MapLibre GL JS and the PMTiles reader; and, for the tests, playwright-core, pmtiles and the
# style validator) with `npm ci` in web/, then copies MapLibre's built files into web/vendor/, where
# `stationmap build` finds them to copy into OUTDIR. Idempotent: does nothing when web/vendor is current.
# Minified vendor code is not committed; this script (run by .ci/run and before installing) brings it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
web="$root/web"
stamp="$web/vendor/.package-lock.sha256"
want=$(sha256sum "$web/package-lock.json" | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -f "$web/vendor/maplibre-gl.js" && -d "$web/node_modules" ]]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "fetch_web_vendor: npm is missing (apt-get install nodejs npm, or tools/install_deps.sh --tests)" >&2
  exit 1
fi
(cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$web/vendor"
dist="$web/node_modules/maplibre-gl/dist"
cp "$dist/maplibre-gl.js" "$dist/maplibre-gl.css" "$dist/LICENSE.txt" "$web/vendor/"
cp "$web/node_modules/pmtiles/dist/pmtiles.js" "$web/vendor/"  # reads basemap.pmtiles in the page
echo "$want" > "$stamp"
echo "fetch_web_vendor: MapLibre GL JS $(node -p "require('$web/node_modules/maplibre-gl/package.json').version") in web/vendor" >&2
