// make_test_outdir DIR: writes the serve/browser test OUTDIR (see test_outdir.hpp). Exit 1 on warnings
// (e.g. MapLibre not fetched: run tools/fetch_web_vendor.sh), 2 on errors.

#include "test_outdir.hpp"

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_test_outdir DIR\n";
    return 2;
  }
  try {
    const auto out = stationmap::testing::make_test_outdir(argv[1]);
    std::cerr << "make_test_outdir: zooms " << out.minzoom << ".." << out.maxzoom << ", " << out.tiles << " tiles\n";
    for (const auto& w : out.warnings) {
      std::cerr << "make_test_outdir: warning: " << w << '\n';
    }
    return out.warnings.empty() ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "make_test_outdir: " << e.what() << '\n';
    return 2;
  }
}
