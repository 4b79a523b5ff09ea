# Stages the data stationmap ships beside its code into the build tree's share/stationmap (see
# include/stationmap/core/data_dirs.hpp): the web map template, the vendored MapLibre and PMTiles files
# (web/vendor, from tools/fetch_web_vendor.sh, when fetched) and the Natural Earth basemap. Run at every build
# (cmake -DSOURCE_DIR=... -DSHARE_DIR=... -P StageShare.cmake); file(COPY) leaves files that did not change alone.
# `cmake --install` installs this folder as <prefix>/share/stationmap.

file(COPY ${SOURCE_DIR}/web/index.html DESTINATION ${SHARE_DIR}/web)
if(IS_DIRECTORY ${SOURCE_DIR}/web/vendor)
  file(COPY ${SOURCE_DIR}/web/vendor DESTINATION ${SHARE_DIR}/web)
endif()
# The other place write_web_map() takes them from (npm ci in web/ without tools/fetch_web_vendor.sh, or a
# vendor/ older than package-lock.json): the same files of the packages' dist/ folders, in the same layout.
foreach(file maplibre-gl/dist/maplibre-gl.js maplibre-gl/dist/maplibre-gl.css maplibre-gl/dist/LICENSE.txt
             pmtiles/dist/pmtiles.js)
  if(EXISTS ${SOURCE_DIR}/web/node_modules/${file})
    get_filename_component(folder ${SHARE_DIR}/web/node_modules/${file} DIRECTORY)
    file(COPY ${SOURCE_DIR}/web/node_modules/${file} DESTINATION ${folder})
  endif()
endforeach()
file(COPY ${SOURCE_DIR}/geodata/naturalearth DESTINATION ${SHARE_DIR})
