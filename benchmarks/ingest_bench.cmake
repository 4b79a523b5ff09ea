# Ingest benchmark: reads a generated corpus of N documents; documents per second and peak memory.
add_executable(ingest_bench ${CMAKE_CURRENT_LIST_DIR}/ingest_bench.cpp)
target_link_libraries(ingest_bench PRIVATE stationmap_ingest stationmap_options)
