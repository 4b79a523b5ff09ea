# Stages the data stationmap ships beside its code into the build tree's share/stationmap (see
# include/stationmap/core/data_dirs.hpp): the web map template, the vendored MapLibre and PMTiles files
# (web/vendor, from tools/fetch_web_vendor.sh, when fetched) and the Natural Earth basemap. Run at every build
# (cmake -DSOURCE_DIR=... -DSHARE_DIR=... -P StageShare.cmake); file(COPY) leaves files that did not change alone.
# `cmake --install` installs this folder as <prefix>/share/stationmap.

file(COPY ${SOURCE_DIR}/web/index.html DESTINATION ${SHARE_DIR}/web)
if(IS_DIRECTORY ${SOURCE_DIR}/web/vendor)
  file(COPY ${SOURCE_DIR}/web/vendor DESTINATION ${SHARE_DIR}/web)
endif()
file(COPY ${SOURCE_DIR}/geodata/naturalearth DESTINATION ${SHARE_DIR})
