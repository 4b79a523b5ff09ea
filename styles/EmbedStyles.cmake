# Compiles the style sources of styles/ (QML, SLD, JSON) into a target, so that an installed stationmap binary
# needs no source tree. stationmap_embed_styles(target) adds a generated source listing every file.

include(${CMAKE_CURRENT_LIST_DIR}/../cmake/EmbedFiles.cmake)
set(STATIONMAP_STYLES_DIR ${CMAKE_CURRENT_LIST_DIR})

function(stationmap_embed_styles target)
  file(GLOB style_files CONFIGURE_DEPENDS
       ${STATIONMAP_STYLES_DIR}/*.qml ${STATIONMAP_STYLES_DIR}/*.sld ${STATIONMAP_STYLES_DIR}/*.json)
  stationmap_embed_files(${target} OUTPUT embedded_styles.cpp ROOT ${STATIONMAP_STYLES_DIR} FILES ${style_files}
                         HEADER styles/styles.hpp NAMESPACE stationmap::render::detail TYPE EmbeddedFile
                         ARRAY embedded_styles COUNT embedded_style_count)
endfunction()
