// The claims cache (src/pipeline/claims_cache.hpp, claims_binary.hpp): records survive the compact form, a damaged
// or foreign cache file costs a warning and re-extraction (never the build), and a rebuild from the cache maps
// byte for byte like a clean build.

#include "claims_binary.hpp"
#include "claims_cache.hpp"
#include "invented_record.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/pipeline/build_map.hpp"
#include "support/files.hpp"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <string>
#include <vector>

namespace stationmap {
namespace {

namespace fs = std::filesystem;
using test_fixture::invented_record;
using test_support::read_text;
using test_support::ScratchDir;
using test_support::write_text;

TEST(ClaimsBinary, EveryFieldOfADocumentRecordSurvivesARoundTrip) {
  const DocumentRecord r = invented_record();
  const std::string bytes = detail::encode_record(r);
  const DocumentRecord back = detail::decode_record(bytes);
  // The claims line writes every field (claims_io_test checks that): equal lines, equal records.
  EXPECT_EQ(claims_line(back), claims_line(r));
  EXPECT_EQ(detail::encode_record(back), bytes) << "deterministic";
  EXPECT_LT(bytes.size(), claims_line(r).size()) << "places and strings are written once";
}

TEST(ClaimsBinary, CutOrAlteredBytesAreRefusedOrReadNeverOverrun) {
  const std::string bytes = detail::encode_record(invented_record());
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_THROW(detail::decode_record(std::string_view(bytes).substr(0, size)), FormatError) << size;
  }
  std::size_t refused = 0;
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string altered = bytes;
    altered[at] = static_cast<char>(altered[at] ^ 0x5a);
    try {
      detail::decode_record(altered); // a changed character of a string still reads: the checksum catches it
    } catch (const FormatError&) {
      ++refused;
    }
  }
  EXPECT_GT(refused, bytes.size() / 4) << "lengths, counts, positions and enumerations are checked";
}

/// A cache in its own scratch folder, with the warnings it gave.
struct CacheFolder {
  ScratchDir scratch{"stationmap-cache"};
  fs::path dir = scratch.path() / "cache";
  std::vector<std::string> warnings;

  detail::ClaimsCache open(const std::string& pipeline = "stationmap test") {
    return {dir, pipeline, {}, [this](const std::string& w) { warnings.push_back(w); }};
  }
  void write(const std::vector<DocumentRecord>& records) {
    detail::ClaimsCache cache = open();
    for (const DocumentRecord& r : records) {
      cache.keep(detail::ClaimsCache::entry(r));
    }
    cache.commit();
  }
  [[nodiscard]] fs::path file() const { return dir / "claims.bin"; }
};

DocumentRecord record_with_hash(const std::string& hash) {
  DocumentRecord r = invented_record();
  r.content_hash = hash;
  return r;
}

TEST(ClaimsCache, FindsWhatTheLastBuildKeptForTheSamePipelineOnly) {
  CacheFolder folder;
  folder.write({record_with_hash("sha256:aa"), record_with_hash("sha256:bb")});
  {
    const detail::ClaimsCache cache = folder.open();
    EXPECT_EQ(cache.size(), 2U);
    const auto found = cache.find("sha256:bb");
    ASSERT_TRUE(found);
    EXPECT_EQ(claims_line(found->record), claims_line(record_with_hash("sha256:bb")));
    EXPECT_FALSE(cache.find("sha256:cc"));
  }
  EXPECT_EQ(folder.open("stationmap other").size(), 0U) << "claims of another pipeline are extracted again";
  EXPECT_TRUE(folder.warnings.empty());
  EXPECT_TRUE(fs::exists(folder.dir / ".stationmap")) << "a folder stationmap marks as its own";
}

TEST(ClaimsCache, FindsEveryEntryInAnyOrderThroughTheReadWindow) {
  CacheFolder folder;
  std::vector<DocumentRecord> records;
  for (int i = 0; i < 3000; ++i) { // a few MiB: entries on both sides of a window's end
    records.push_back(record_with_hash("sha256:" + std::to_string(i)));
  }
  folder.write(records);
  ASSERT_GT(fs::file_size(folder.file()), 2U << 20U);
  const detail::ClaimsCache cache = folder.open();
  std::vector<int> order;
  for (int i = 0; i < 3000; i += 7) {
    order.push_back(i); // in file order, a few at a time
  }
  for (int i = 2999; i >= 0; i -= 13) {
    order.push_back(i); // backwards
  }
  for (const int i : order) {
    const auto found = cache.find("sha256:" + std::to_string(i));
    ASSERT_TRUE(found) << i;
    EXPECT_EQ(found->record.content_hash, "sha256:" + std::to_string(i));
    EXPECT_EQ(claims_line(found->record), claims_line(records[static_cast<std::size_t>(i)]));
  }
  EXPECT_TRUE(folder.warnings.empty());
}

TEST(ClaimsCache, ClaimsFoundForAMergerAreMadeOfItsSharedValues) {
  CacheFolder folder;
  folder.write({record_with_hash("sha256:aa"), record_with_hash("sha256:bb")});
  const detail::ClaimsCache cache = folder.open();
  ClaimMerger merger;
  const auto a = cache.find("sha256:aa", &merger);
  const auto b = cache.find("sha256:bb", &merger);
  ASSERT_TRUE(a && b);
  const RoledMention& in_a = a->record.claims.mentions.front();
  const RoledMention& in_b = b->record.claims.mentions.front();
  EXPECT_EQ(in_a.sentence_text, in_b.sentence_text) << "one sentence for both records";
  EXPECT_EQ(in_a.resolved_place, in_b.resolved_place) << "one place";
  EXPECT_EQ(in_a.source, in_b.source) << "one document's fields";
  EXPECT_EQ(a->record.claims.sites.front().evidence.text, in_a.sentence_text);
  EXPECT_NE(a->record.claims.sites.front().evidence.source, in_a.source) << "other fields under the same id";
  EXPECT_EQ(claims_line(b->record), claims_line(record_with_hash("sha256:bb"))) << "read back unchanged";
  EXPECT_TRUE(folder.warnings.empty());
}

TEST(ClaimsCache, ARebuildThatKeepsEveryEntryAppendsTheNewOnesElseTheFileIsWrittenAnew) {
  CacheFolder folder;
  folder.write({record_with_hash("sha256:aa"), record_with_hash("sha256:bb")});
  const std::string before = read_text(folder.file());
  {
    detail::ClaimsCache cache = folder.open();
    for (const char* hash : {"sha256:bb", "sha256:aa"}) {
      const auto found = cache.find(hash);
      ASSERT_TRUE(found);
      cache.keep_cached(found->slot);
    }
    cache.keep(detail::ClaimsCache::entry(record_with_hash("sha256:cc")));
    cache.commit();
  }
  const std::string appended = read_text(folder.file());
  EXPECT_EQ(appended, before + detail::ClaimsCache::entry(record_with_hash("sha256:cc")));
  {
    detail::ClaimsCache cache = folder.open();
    EXPECT_EQ(cache.size(), 3U);
    const auto found = cache.find("sha256:cc");
    ASSERT_TRUE(found);
    cache.keep_cached(found->slot); // aa and bb are gone from the corpus
    cache.commit();
  }
  const detail::ClaimsCache cache = folder.open();
  EXPECT_EQ(cache.size(), 1U) << "removed documents drop out";
  EXPECT_TRUE(cache.find("sha256:cc"));
  EXPECT_TRUE(folder.warnings.empty());
}

TEST(ClaimsCache, AFileThatIsNotACacheIsIgnoredWithAWarningNamingIt) {
  CacheFolder folder;
  fs::create_directories(folder.dir);
  write_text(folder.dir / ".stationmap", "");
  write_text(folder.file(), "{\"not\": \"a cache\"}\n");
  const detail::ClaimsCache cache = folder.open();
  EXPECT_EQ(cache.size(), 0U);
  ASSERT_EQ(folder.warnings.size(), 1U);
  EXPECT_NE(folder.warnings[0].find(folder.file().string()), std::string::npos) << folder.warnings[0];
}

TEST(ClaimsCache, ACutFileKeepsTheEntriesBeforeTheCut) {
  CacheFolder folder;
  folder.write({record_with_hash("sha256:aa"), record_with_hash("sha256:bb")});
  const std::string bytes = read_text(folder.file());
  write_text(folder.file(), bytes.substr(0, bytes.size() - 10));
  const detail::ClaimsCache cache = folder.open();
  EXPECT_TRUE(cache.find("sha256:aa"));
  EXPECT_FALSE(cache.find("sha256:bb"));
  ASSERT_EQ(folder.warnings.size(), 1U);
  EXPECT_NE(folder.warnings[0].find("cut short"), std::string::npos) << folder.warnings[0];
}

TEST(ClaimsCache, ADamagedEntryIsSkippedWithAWarning) {
  CacheFolder folder;
  folder.write({record_with_hash("sha256:aa"), record_with_hash("sha256:bb")});
  std::string bytes = read_text(folder.file());
  const auto at = bytes.rfind("Northtown"); // a place name in the second entry
  ASSERT_NE(at, std::string::npos);
  bytes[at] = 'S';
  write_text(folder.file(), bytes);
  const detail::ClaimsCache cache = folder.open();
  EXPECT_TRUE(cache.find("sha256:aa"));
  EXPECT_FALSE(cache.find("sha256:bb")) << "the changed name never reaches the map";
  ASSERT_EQ(folder.warnings.size(), 1U);
  EXPECT_NE(folder.warnings[0].find("damaged entries"), std::string::npos) << folder.warnings[0];
}

/// Every file under @p root, by relative path, as bytes.
std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), root).string()] = read_text(entry.path());
    }
  }
  return files;
}

/// Builds the samples (plus @p extra documents) into OUTDIR @p name under the scratch folder.
struct SampleBuilds {
  ScratchDir scratch{"stationmap-rebuild"};
  fs::path docs = scratch.path() / "docs";
  std::vector<std::string> warnings;

  SampleBuilds() { fs::copy(STATIONMAP_SAMPLES_DIR, docs, fs::copy_options::recursive); }

  /// The warnings about the claims cache (others, such as a web map without MapLibre, are not this test's).
  [[nodiscard]] std::vector<std::string> cache_warnings() const {
    std::vector<std::string> out;
    for (const std::string& w : warnings) {
      if (w.find("claims cache") != std::string::npos) {
        out.push_back(w);
      }
    }
    return out;
  }

  BuildSummary build(const std::string& name, bool use_cache) {
    BuildOptions options;
    options.outdir = scratch.path() / name;
    options.gazetteer = STATIONMAP_EMBEDDED_INDEX;
    options.cache = scratch.path() / "cache";
    options.use_cache = use_cache;
    options.maxzoom = 4;
    options.on_warning = [this](const std::string& w) { warnings.push_back(w); };
    return build_map({docs}, options);
  }
};

TEST(IncrementalBuild, ARebuildFromADamagedCacheMapsLikeACleanBuild) {
  SampleBuilds builds;
  const BuildSummary first = builds.build("first", true);
  ASSERT_TRUE(first.written);
  EXPECT_EQ(first.documents_cached, 0U);
  write_text(builds.docs / "added.txt", "An office in Lisbon is an overseas police station run by the Fuzhou public "
                                        "security bureau, the report says.\n");
  const fs::path cache_file = builds.scratch.path() / "cache" / "claims.bin";
  std::string bytes = read_text(cache_file);
  const auto at = bytes.find("ireland-note.txt"); // the document id in its entry
  ASSERT_NE(at, std::string::npos);
  bytes[at] = 'I';
  write_text(cache_file, bytes);

  const BuildSummary rebuilt = builds.build("rebuilt", true);
  EXPECT_EQ(rebuilt.documents_read, first.documents_read + 1);
  EXPECT_EQ(rebuilt.documents_cached, first.documents_read - 1) << "all but the added and the damaged one";
  const std::vector<std::string> warned = builds.cache_warnings();
  ASSERT_EQ(warned.size(), 1U);
  EXPECT_NE(warned[0].find("damaged"), std::string::npos) << warned[0];
  EXPECT_EQ(builds.build("again", true).documents_cached, rebuilt.documents_read) << "the new cache is whole";

  builds.build("clean", false);
  EXPECT_EQ(tree(builds.scratch.path() / "rebuilt"), tree(builds.scratch.path() / "clean"));
  EXPECT_EQ(tree(builds.scratch.path() / "again"), tree(builds.scratch.path() / "clean"));
}

TEST(IncrementalBuild, TheBasemapFilesAreKeptInTheCacheAndNeverCopiedDamaged) {
  SampleBuilds builds;
  ASSERT_TRUE(builds.build("first", true).written);
  const fs::path kept = builds.scratch.path() / "cache" / "basemap" / "files" / "basemap.pmtiles";
  ASSERT_TRUE(fs::exists(kept)) << "the first build keeps them";
  std::string bytes = read_text(kept);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  write_text(kept, bytes);

  builds.build("rebuilt", true);
  const auto damaged = [&] {
    return std::count_if(builds.warnings.begin(), builds.warnings.end(), [](const std::string& w) {
      return w.find("basemap") != std::string::npos && w.find("damaged") != std::string::npos;
    });
  };
  EXPECT_EQ(damaged(), 1);
  builds.build("again", true);
  EXPECT_EQ(damaged(), 1) << "kept anew by the rebuild";
  builds.build("clean", false);
  EXPECT_EQ(read_text(kept), read_text(builds.scratch.path() / "clean" / "basemap.pmtiles"));
  EXPECT_EQ(tree(builds.scratch.path() / "rebuilt"), tree(builds.scratch.path() / "clean"));
  EXPECT_EQ(tree(builds.scratch.path() / "again"), tree(builds.scratch.path() / "clean"));
}

} // namespace
} // namespace stationmap
