# Serve and browser integration tests (included from tests/CMakeLists.txt).
# - make_test_outdir: writes the test OUTDIR with the project's own code (fixture ClaimSet).
# - serve_tests needs the stationmap binary (the CLI signal test) and its own helpers.
# - node tests (label "node"): the PMTiles file read by the npm pmtiles library, style validation with
#   gl-style-validate; browser test (label "browser"): headless Chromium through playwright-core.
#   They need `tools/fetch_web_vendor.sh` (npm ci in web/) and Debian's chromium.
add_executable(make_test_outdir ${CMAKE_CURRENT_SOURCE_DIR}/serve/make_test_outdir.cpp)
target_link_libraries(make_test_outdir PRIVATE stationmap_render stationmap_options)
if(TARGET serve_tests)
  add_dependencies(serve_tests stationmap)
endif()

add_test(NAME web_test_outdir
         COMMAND $<TARGET_FILE:make_test_outdir> ${STATIONMAP_WEB_TEST_OUTDIR})
set_tests_properties(web_test_outdir PROPERTIES FIXTURES_SETUP web_outdir LABELS "node;browser;serve")

find_program(STATIONMAP_NODE node)
if(STATIONMAP_NODE)
  set(web_dir ${PROJECT_SOURCE_DIR}/web)
  add_test(NAME web_pmtiles_node
           COMMAND ${STATIONMAP_NODE} --test ${web_dir}/test/pmtiles_read.test.mjs)
  add_test(NAME web_style_validate
           COMMAND ${STATIONMAP_NODE} ${web_dir}/node_modules/@maplibre/maplibre-gl-style-spec/dist/gl-style-validate.mjs
                   ${STATIONMAP_WEB_TEST_OUTDIR}/style.json)
  add_test(NAME web_browser
           COMMAND ${STATIONMAP_NODE} --test ${web_dir}/test/browser.test.mjs)
  set_tests_properties(web_pmtiles_node web_style_validate PROPERTIES
    FIXTURES_REQUIRED web_outdir LABELS node
    ENVIRONMENT "STATIONMAP_TEST_OUTDIR=${STATIONMAP_WEB_TEST_OUTDIR}")
  add_test(NAME web_review_browser
           COMMAND ${STATIONMAP_NODE} --test ${web_dir}/test/review.test.mjs)
  set_tests_properties(web_review_browser PROPERTIES
    LABELS browser TIMEOUT 200
    ENVIRONMENT "STATIONMAP_BINARY=$<TARGET_FILE:stationmap>;STATIONMAP_REVIEW_DOCS=${CMAKE_CURRENT_SOURCE_DIR}/serve/data/review_docs")
  add_test(NAME web_basemap
           COMMAND ${STATIONMAP_NODE} --test ${web_dir}/test/basemap.test.mjs)
  set_tests_properties(web_basemap PROPERTIES
    FIXTURES_REQUIRED web_outdir LABELS browser TIMEOUT 180
    ENVIRONMENT "STATIONMAP_TEST_OUTDIR=${STATIONMAP_WEB_TEST_OUTDIR};STATIONMAP_BINARY=$<TARGET_FILE:stationmap>")
  set_tests_properties(web_browser PROPERTIES
    FIXTURES_REQUIRED web_outdir LABELS browser TIMEOUT 180
    ENVIRONMENT "STATIONMAP_TEST_OUTDIR=${STATIONMAP_WEB_TEST_OUTDIR};STATIONMAP_BINARY=$<TARGET_FILE:stationmap>")
else()  # no Node.js: one test says so, skipped on a developer's machine, failed under CI (CI=true)
  add_test(NAME web_node_missing
           COMMAND sh -c "echo 'node not found: tools/install_deps.sh --tests installs Node.js'; case \"$CI\" in true|1) exit 1;; esac; exit 77")
  set_tests_properties(web_node_missing PROPERTIES LABELS "node;browser" SKIP_RETURN_CODE 77)
endif()
