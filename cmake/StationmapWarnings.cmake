# Warning and sanitizer flags shared by every stationmap target.
add_library(stationmap_options INTERFACE)
target_compile_options(stationmap_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference -Wdouble-promotion
  -Wformat=2 -Wimplicit-fallthrough)
if(STATIONMAP_WERROR)
  target_compile_options(stationmap_options INTERFACE -Werror)
endif()
if(STATIONMAP_SANITIZE)
  # GCC 12 reports false positives inside libstdc++ (std::regex, std::string copies) once
  # ASan's instrumentation and -O2 inlining combine; they are not in our code (GCC bugs 105562, 105651).
  target_compile_options(stationmap_options INTERFACE -Wno-maybe-uninitialized -Wno-stringop-overflow
                         -Wno-stringop-overread -Wno-restrict -Wno-array-bounds)
  target_compile_options(stationmap_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                         -fno-sanitize-recover=undefined)
  target_link_options(stationmap_options INTERFACE -fsanitize=address,undefined)
endif()
