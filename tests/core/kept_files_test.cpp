// KeptFiles (core/kept_files.hpp): files kept under a key come back byte for byte for the same key only, and a
// damaged or foreign kept entry is never copied (a warning, derived again) nor lets a listing write outside OUTDIR.

#include "stationmap/core/kept_files.hpp"
#include "stationmap/core/outdir.hpp"
#include "support/files.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace stationmap {
namespace {

namespace fs = std::filesystem;
using test_support::read_text;
using test_support::ScratchDir;
using test_support::write_text;

/// A cache folder stationmap made, an OUTDIR with two derived files, and the warnings given.
struct Folders {
  ScratchDir scratch{"stationmap-kept-files"};
  fs::path cache = scratch.path() / "cache";
  fs::path derived = scratch.path() / "derived";
  fs::path out = scratch.path() / "out";
  std::vector<std::string> warnings;

  Folders() {
    fs::create_directories(cache);
    write_outdir_marker(cache);
    fs::create_directories(derived / "glyphs" / "Font");
    write_text(derived / "tiles.pmtiles", std::string("PM\0tiles", 8));
    write_text(derived / "glyphs" / "Font" / "0-255.pbf", "glyphs");
  }
  [[nodiscard]] KeptFiles kept(const std::string& key) {
    return {cache, "basemap", key, [this](const std::string& w) { warnings.push_back(w); }};
  }
  void keep(const std::string& key) { kept(key).keep(derived, {"tiles.pmtiles", "glyphs/Font/0-255.pbf"}); }
};

TEST(KeptFiles, KeptFilesComeBackByteForByteForTheSameKeyOnly) {
  Folders f;
  EXPECT_FALSE(f.kept("key one").restore(f.out)) << "nothing kept yet";
  f.keep("key one");
  EXPECT_FALSE(f.kept("key two").restore(f.out)) << "kept for other inputs";
  EXPECT_FALSE(fs::exists(f.out));
  ASSERT_TRUE(f.kept("key one").restore(f.out));
  EXPECT_EQ(read_text(f.out / "tiles.pmtiles"), read_text(f.derived / "tiles.pmtiles"));
  EXPECT_EQ(read_text(f.out / "glyphs" / "Font" / "0-255.pbf"), "glyphs");
  f.keep("key two");
  EXPECT_FALSE(f.kept("key one").restore(f.out)) << "one key per name: the last one kept";
  EXPECT_TRUE(f.kept("key two").restore(f.out));
  EXPECT_TRUE(f.warnings.empty());
}

TEST(KeptFiles, ADamagedOrCutEntryIsNeverCopied) {
  Folders f;
  f.keep("key");
  const fs::path kept_glyphs = f.cache / "basemap" / "files" / "glyphs" / "Font" / "0-255.pbf";
  write_text(kept_glyphs, "glyphz"); // same size, other bytes
  EXPECT_FALSE(f.kept("key").restore(f.out));
  EXPECT_FALSE(fs::exists(f.out)) << "nothing copied, not even the intact file";
  ASSERT_EQ(f.warnings.size(), 1U);
  EXPECT_NE(f.warnings[0].find("damaged"), std::string::npos) << f.warnings[0];

  fs::remove(kept_glyphs);
  EXPECT_FALSE(f.kept("key").restore(f.out)) << "a missing file";
  f.keep("key");
  const fs::path listing = f.cache / "basemap" / "listing";
  const std::string text = read_text(listing);
  write_text(listing, text.substr(0, text.rfind("glyphs/"))); // the last line cut off
  EXPECT_FALSE(f.kept("key").restore(f.out)) << "a cut listing";
  EXPECT_EQ(f.warnings.size(), 3U);
}

TEST(KeptFiles, AListingNeverWritesOutsideOutdir) {
  Folders f;
  f.keep("key");
  const fs::path listing = f.cache / "basemap" / "listing";
  std::string text = read_text(listing);
  const auto at = text.find("tiles.pmtiles");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 0, "../");
  write_text(listing, text);
  EXPECT_FALSE(f.kept("key").restore(f.out));
  EXPECT_FALSE(fs::exists(f.scratch.path() / "tiles.pmtiles"));
  EXPECT_EQ(f.warnings.size(), 1U);
}

TEST(KeptFiles, NothingIsKeptInAFolderStationmapDidNotMake) {
  Folders f;
  fs::remove(f.cache / outdir_marker_name);
  f.keep("key");
  EXPECT_FALSE(fs::exists(f.cache / "basemap"));
  EXPECT_FALSE(f.kept("key").restore(f.out));
}

} // namespace
} // namespace stationmap
