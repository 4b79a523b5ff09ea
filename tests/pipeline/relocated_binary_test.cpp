// A copied (or installed) executable takes its data from the share/stationmap folder beside it
// (stationmap/core/data_dirs.hpp): the web map template, MapLibre and Natural Earth staged at build time, and
// the gazetteer index. `stationmap build` run from a copy in a folder of its own makes the whole map, with the
// copy's web map template.

#include "stationmap/core/data_dirs.hpp"
#include "support/files.hpp"

#include <gtest/gtest.h>

namespace stationmap {
namespace {

namespace fs = std::filesystem;
using test_support::quoted;
using test_support::read_text;
using test_support::write_text;

TEST(RelocatedBinary, ACopyWithItsShareFolderBuildsTheMapFromItsOwnAssets) {
  const test_support::ScratchDir tmp("stationmap-relocated");
  const fs::path built(STATIONMAP_BINARY);
  const fs::path share = tmp.path() / "share" / "stationmap";
  fs::create_directories(tmp.path() / "bin");
  fs::copy_file(built, tmp.path() / "bin" / "stationmap");
  fs::create_directories(share);
  fs::copy(share_dir_beside(built), share, fs::copy_options::recursive);
  fs::copy_file(STATIONMAP_EMBEDDED_INDEX, share / "gazetteer.smidx");
  ASSERT_TRUE(fs::is_regular_file(share / "web" / "index.html"));
  ASSERT_TRUE(fs::is_regular_file(share / "naturalearth" / "countries-50m.json"));
  const std::string marker = "<!-- the relocated copy's template -->\n";
  write_text(share / "web" / "index.html", read_text(share / "web" / "index.html") + marker);

  fs::create_directories(tmp.path() / "docs");
  write_text(tmp.path() / "docs" / "note.txt", "A shop in Dublin was named as an overseas police service station "
                                               "run by the Fuzhou public security bureau.\n");
  const fs::path out = tmp.path() / "map";
  const std::string command = "env -u STATIONMAP_WEB_DIR -u STATIONMAP_GAZETTEER " +
                              quoted(tmp.path() / "bin" / "stationmap") + " build " + quoted(tmp.path() / "docs") +
                              " -o " + quoted(out) + " >" + quoted(tmp.path() / "log") + " 2>&1";
  ASSERT_EQ(test_support::run_command(command), 0) << read_text(tmp.path() / "log");
  EXPECT_NE(read_text(out / "index.html").find(marker), std::string::npos);
  EXPECT_TRUE(fs::is_regular_file(out / "basemap.pmtiles"));
  EXPECT_NE(read_text(out / "stations.geojson").find("Dublin"), std::string::npos);
}

} // namespace
} // namespace stationmap
