#include "stationmap/core/file_io.hpp"
#include "stationmap/core/outdir.hpp"

#include <cstdlib>
#include <gtest/gtest.h>

namespace stationmap {
namespace {

namespace fs = std::filesystem;

/// A folder made by mkdtemp, removed at the end of the test.
struct Scratch {
  fs::path path;
  Scratch() {
    std::string name = (fs::temp_directory_path() / "stationmap-outdir-XXXXXX").string();
    path = ::mkdtemp(name.data());
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

TEST(Outdir, AMissingOrEmptyOrMarkedFolderMayBeReplaced) {
  const Scratch tmp;
  EXPECT_NO_THROW(check_outdir_replaceable(tmp.path / "missing"));
  fs::create_directory(tmp.path / "empty");
  EXPECT_NO_THROW(check_outdir_replaceable(tmp.path / "empty"));
  fs::create_directory(tmp.path / "map");
  write_file_atomic(tmp.path / "map" / "stations.geojson", "{}");
  write_outdir_marker(tmp.path / "map");
  EXPECT_TRUE(is_stationmap_outdir(tmp.path / "map"));
  EXPECT_NO_THROW(check_outdir_replaceable(tmp.path / "map"));
}

TEST(Outdir, AFolderHoldingTheUsersFilesIsRefusedAndNamed) {
  const Scratch tmp;
  fs::create_directory(tmp.path / "mine");
  write_file_atomic(tmp.path / "mine" / "notes.txt", "my notes");
  EXPECT_FALSE(is_stationmap_outdir(tmp.path / "mine"));
  try {
    check_outdir_replaceable(tmp.path / "mine");
    FAIL() << "a folder with the user's files was accepted";
  } catch (const OutdirRefused& e) {
    EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("nothing was changed"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_file(tmp.path / "mine" / "notes.txt"), "my notes");
}

TEST(Outdir, AFileOrAMarkerThatIsAFolderIsNoOutdir) {
  const Scratch tmp;
  write_file_atomic(tmp.path / "file", "x");
  EXPECT_THROW(check_outdir_replaceable(tmp.path / "file"), OutdirRefused);
  fs::create_directories(tmp.path / "fake" / outdir_marker_name);
  EXPECT_FALSE(is_stationmap_outdir(tmp.path / "fake"));
  EXPECT_THROW(check_outdir_replaceable(tmp.path / "fake"), OutdirRefused);
}

TEST(Outdir, TheOutdirMayNotBeNorHoldNorLieInAnInput) {
  const Scratch tmp;
  const fs::path docs = tmp.path / "docs";
  fs::create_directories(docs / "sub");
  write_file_atomic(docs / "a.txt", "a");
  EXPECT_THROW(check_outdir_apart_from_inputs(docs, {docs}), OutdirRefused);         // build X -o X
  EXPECT_THROW(check_outdir_apart_from_inputs(docs / "", {docs}), OutdirRefused);    // build X -o X/
  EXPECT_THROW(check_outdir_apart_from_inputs(docs / "out", {docs}), OutdirRefused); // build X -o X/out
  EXPECT_THROW(check_outdir_apart_from_inputs(docs / "sub" / "..", {docs}), OutdirRefused);
  EXPECT_THROW(check_outdir_apart_from_inputs(tmp.path, {docs / "a.txt"}), OutdirRefused); // holds an input
  EXPECT_THROW(check_outdir_apart_from_inputs(docs / "a.txt", {docs / "a.txt"}), OutdirRefused);
  EXPECT_NO_THROW(check_outdir_apart_from_inputs(tmp.path / "out", {docs, docs / "a.txt"}));
  EXPECT_NO_THROW(check_outdir_apart_from_inputs(tmp.path / "docs-out", {docs})); // a prefix of the name only
  EXPECT_NO_THROW(check_outdir_apart_from_inputs(tmp.path / "out", {tmp.path / "missing"}));
}

TEST(Outdir, SymbolicLinksAreResolvedBeforeComparing) {
  const Scratch tmp;
  fs::create_directory(tmp.path / "docs");
  fs::create_directory_symlink(tmp.path / "docs", tmp.path / "link");
  EXPECT_THROW(check_outdir_apart_from_inputs(tmp.path / "link" / "out", {tmp.path / "docs"}), OutdirRefused);
  EXPECT_THROW(check_outdir_apart_from_inputs(tmp.path / "docs", {tmp.path / "link"}), OutdirRefused);
}

} // namespace
} // namespace stationmap
