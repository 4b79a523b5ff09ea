// The extraction loop (src/pipeline/extraction.hpp): documents are read on a thread of their own, a few batches
// ahead, yet problems, documents and progress reach the caller in read order, as when reading and extracting took
// turns; cached claims come back for the documents the cache holds; an exception of the caller's stops the reading.

#include "claims_cache.hpp"
#include "extraction.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "support/files.hpp"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace stationmap::detail {
namespace {

namespace fs = std::filesystem;
using test_support::ScratchDir;
using test_support::write_text;

/// A JSON Lines corpus of invented reports, with a bad line after every third document.
struct Corpus {
  ScratchDir scratch{"stationmap-extraction"};
  fs::path file = scratch.path() / "corpus.jsonl";
  std::vector<std::string> ids;
  std::size_t bad_lines = 0;

  explicit Corpus(int documents) {
    const char* cities[] = {"Prague", "Budapest", "Lisbon", "Toronto"};
    std::string lines;
    for (int i = 0; i < documents; ++i) {
      const std::string id = "doc-" + std::to_string(100 + i);
      ids.push_back(file.filename().string() + "#" + id); // a JSON Lines document's id names its file
      lines += R"({"id": ")" + id + R"(", "text": "Report )" + std::to_string(i) + ". An office in " + cities[i % 4] +
               " was described as an overseas police service station run by the Fuzhou public "
               "security bureau.\"}\n";
      if (i % 3 == 2) {
        lines += "{not json\n";
        ++bad_lines;
      }
    }
    write_text(file, lines);
  }
};

struct Loop {
  Gazetteer gazetteer = Gazetteer::open(STATIONMAP_EMBEDDED_INDEX);
  Extractor extractor{gazetteer};
  ExtractionLoop loop;
  std::vector<std::string> events; ///< "problem", "doc ID" (cached: "cached ID") and "progress N", as they came

  explicit Loop(unsigned jobs) {
    loop.extractor = &extractor;
    loop.pipeline = "stationmap test";
    loop.jobs = jobs;
    loop.batch_size = 2;
    loop.on_problem = [this](const Problem&) { events.emplace_back("problem"); };
    loop.on_progress = [this](std::size_t n) { events.push_back("progress " + std::to_string(n)); };
  }
  std::vector<DocumentRecord> run(const Corpus& corpus) {
    std::vector<DocumentRecord> records;
    ProblemReport problems;
    run_extraction({corpus.file}, loop, problems, [&](ExtractedDocument&& d) {
      events.push_back((d.cached ? "cached " : "doc ") + d.record.claims.document);
      records.push_back(std::move(d.record));
    });
    EXPECT_EQ(problems.size(), static_cast<std::size_t>(std::count(events.begin(), events.end(), "problem")));
    return records;
  }
};

/// The events of reading and extracting @p corpus in turns, @p per_batch documents at a time.
std::vector<std::string> in_turns(const Corpus& corpus, std::size_t per_batch, const std::string& prefix) {
  std::vector<std::string> events;
  std::size_t in_batch = 0;
  std::vector<std::string> batch;
  const auto extract = [&](std::size_t done) {
    events.insert(events.end(), batch.begin(), batch.end());
    batch.clear();
    events.push_back("progress " + std::to_string(done));
  };
  for (std::size_t i = 0; i < corpus.ids.size(); ++i) {
    batch.push_back(prefix + corpus.ids[i]);
    if (++in_batch % per_batch == 0) {
      extract(i + 1);
    }
    if (i % 3 == 2) {
      events.emplace_back("problem"); // read after the document before it
    }
  }
  extract(corpus.ids.size());
  return events;
}

TEST(ExtractionLoop, ProblemsDocumentsAndProgressComeInReadOrder) {
  const Corpus corpus(11);
  for (const unsigned jobs : {1U, 2U}) {
    Loop loop(jobs);
    const std::vector<DocumentRecord> records = loop.run(corpus);
    ASSERT_EQ(records.size(), corpus.ids.size());
    EXPECT_EQ(loop.events, in_turns(corpus, 2 * jobs, "doc ")) << jobs << " jobs";
  }
}

TEST(ExtractionLoop, CachedClaimsComeBackInReadOrderLikeExtractedOnes) {
  const Corpus corpus(9);
  Loop first(1);
  const std::vector<DocumentRecord> extracted = first.run(corpus);
  const ScratchDir scratch("stationmap-extraction-cache");
  {
    ClaimsCache cache(scratch.path() / "cache", "stationmap test", {});
    for (auto r = extracted.rbegin(); r != extracted.rend(); ++r) { // the file in another order than the corpus
      cache.keep(ClaimsCache::entry(*r));
    }
    cache.commit();
  }
  const ClaimsCache cache(scratch.path() / "cache", "stationmap test", {});
  for (const unsigned jobs : {1U, 2U}) {
    Loop again(jobs);
    ClaimMerger merger;
    again.loop.cache = &cache;
    again.loop.decode_into = &merger;
    const std::vector<DocumentRecord> cached = again.run(corpus);
    EXPECT_EQ(again.events, in_turns(corpus, 2 * jobs, "cached ")) << jobs << " jobs";
    ASSERT_EQ(cached.size(), extracted.size());
    for (std::size_t i = 0; i < cached.size(); ++i) {
      EXPECT_EQ(claims_line(cached[i]), claims_line(extracted[i]));
    }
  }
}

TEST(ExtractionLoop, AnExceptionOfTheCallersStopsTheReadingAndReachesTheCaller) {
  const Corpus corpus(40);
  Loop loop(1);
  ProblemReport problems;
  std::size_t handed = 0;
  EXPECT_THROW(run_extraction({corpus.file}, loop.loop, problems,
                              [&](ExtractedDocument&&) {
                                if (++handed == 3) {
                                  throw std::runtime_error("disk full");
                                }
                              }),
               std::runtime_error);
  EXPECT_EQ(handed, 3U);
}

} // namespace
} // namespace stationmap::detail
