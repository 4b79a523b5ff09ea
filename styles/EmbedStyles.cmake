# Compiles the style sources of styles/ (QML, SLD, JSON) into a target, so that an installed stationmap binary
# needs no source tree. stationmap_embed_styles(target) adds a generated source listing every file.

set(STATIONMAP_STYLES_DIR ${CMAKE_CURRENT_LIST_DIR})

function(stationmap_embed_styles target)
  file(GLOB style_files CONFIGURE_DEPENDS
       ${STATIONMAP_STYLES_DIR}/*.qml ${STATIONMAP_STYLES_DIR}/*.sld ${STATIONMAP_STYLES_DIR}/*.json)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/generated/embedded_styles.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DFILES=${style_files}" -P ${STATIONMAP_STYLES_DIR}/EmbedStyles.cmake
    DEPENDS ${style_files} ${STATIONMAP_STYLES_DIR}/EmbedStyles.cmake
    COMMENT "Embedding styles/"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()

# Script mode: write OUT from FILES.
if(CMAKE_SCRIPT_MODE_FILE AND DEFINED OUT)
  list(SORT FILES)
  set(body "// Generated from styles/ by styles/EmbedStyles.cmake. Do not edit.\n#include \"styles.hpp\"\n\n")
  string(APPEND body "namespace stationmap::render::detail {\nnamespace {\n")
  set(table "")
  set(i 0)
  foreach(f IN LISTS FILES)
    get_filename_component(name ${f} NAME)
    file(READ ${f} hex HEX)
    file(SIZE ${f} size)
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
    string(APPEND body "const unsigned char file_${i}[] = {\n${bytes}0x00};\n")
    string(APPEND table "    {\"${name}\", {reinterpret_cast<const char*>(file_${i}), ${size}}},\n")
    math(EXPR i "${i} + 1")
  endforeach()
  string(APPEND body "}  // namespace\n\nconst EmbeddedFile embedded_styles[] = {\n${table}};\n")
  string(APPEND body "const std::size_t embedded_style_count = ${i};\n\n}  // namespace stationmap::render::detail\n")
  file(WRITE ${OUT}.tmp "${body}")
  file(RENAME ${OUT}.tmp ${OUT})
endif()
