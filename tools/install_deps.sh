#!/usr/bin/env bash
# Installs the Debian 12 packages stationmap needs, only those missing. Idempotent, quiet, and quick when
# everything is there. Uses sudo when not root. Extra package groups: --tests: everything a test uses (QGIS,
# PostgreSQL with the PostGIS server extension, Chromium, wrk, Node.js and npm, clang for the fuzzers); under
# CI=true a test whose component is missing fails rather than skips, so this list must be complete.
set -euo pipefail

packages=(build-essential cmake ninja-build ccache pkg-config git python3
          libgdal-dev gdal-bin libproj-dev proj-bin libgeos-dev libboost-dev libicu-dev zlib1g-dev libsqlite3-dev
          nlohmann-json3-dev libprotozero-dev libfreetype-dev fonts-dejavu-core libpoppler-cpp-dev libgtest-dev libgmock-dev
          libssl-dev)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(python3-qgis postgresql postgis postgresql-15-postgis-3 chromium wrk clang libclang-rt-14-dev clang-format clang-tidy nodejs parallel)
  # Debian's npm, unless npm came with another Node.js build (NodeSource's nodejs ships it and conflicts).
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "install_deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >/dev/null
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
