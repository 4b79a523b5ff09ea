# Test wiring of the render stage that needs targets from tests/: render_tests reads outputs back with GDAL,
# and tools/test_qgis.py (label qgis) opens the fixture map (written by the make_fixture_map tool) in real QGIS. Deferred to the end of the top-level
# directory, where tests/ has been added and testing is enabled.

function(stationmap_render_test_wiring)
  if(NOT TARGET render_tests)
    return()
  endif()
  find_package(Freetype REQUIRED)  # glyphs.hpp (FontFace) in the print map's tests
  target_link_libraries(render_tests PRIVATE GDAL::GDAL Freetype::Freetype nlohmann_json::nlohmann_json)
  target_compile_definitions(render_tests PRIVATE STATIONMAP_TOOLS_DIR="${PROJECT_SOURCE_DIR}/tools")
  target_include_directories(render_tests PRIVATE ${PROJECT_SOURCE_DIR}/src/render)  # unit tests of detail parts
  add_executable(make_fixture_map ${PROJECT_SOURCE_DIR}/tests/render/make_fixture_map.cpp)
  target_link_libraries(make_fixture_map PRIVATE stationmap_render stationmap_options)
  # The Python that has the Debian python3-qgis bindings: the system one, not a pyenv/venv shim first on PATH.
  find_program(STATIONMAP_QGIS_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
  find_program(STATIONMAP_QGIS_PYTHON NAMES python3)
  if(STATIONMAP_QGIS_PYTHON)
    add_test(NAME render_qgis
             COMMAND ${STATIONMAP_QGIS_PYTHON} ${PROJECT_SOURCE_DIR}/tools/test_qgis.py
                     --make-fixture-map $<TARGET_FILE:make_fixture_map>
                     --boundaries ${PROJECT_SOURCE_DIR}/tests/render/data/boundaries.geojson)
    set_tests_properties(render_qgis PROPERTIES LABELS "qgis" SKIP_RETURN_CODE 77 TIMEOUT 300
                         ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
  endif()
endfunction()

cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR} CALL stationmap_render_test_wiring)
