#include "stationmap/ingest/reader.hpp"
#include "test_util.hpp"

#include <algorithm>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stationmap::ingest {
namespace {

namespace fs = std::filesystem;
using test::fixture;
using test::TempDir;

struct ReadRun {
  std::vector<Document> docs;
  std::vector<Problem> problems; // in the order reported
  ReadCounts counts;
  [[nodiscard]] std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& d : docs)
      out.push_back(d.id);
    return out;
  }
  [[nodiscard]] const Problem* problem_for(const std::string& file_suffix) const {
    for (const auto& p : problems) {
      if (p.file.size() >= file_suffix.size() &&
          p.file.compare(p.file.size() - file_suffix.size(), std::string::npos, file_suffix) == 0) {
        return &p;
      }
    }
    return nullptr;
  }
};

ReadRun read_all(const std::vector<fs::path>& inputs, ReadOptions options = {}) {
  ReadRun run;
  ProblemReport report;
  run.counts = read_inputs(
      inputs, options, [&](Document&& d) { run.docs.push_back(std::move(d)); }, report,
      [&](const Problem& p) { run.problems.push_back(p); });
  EXPECT_EQ(report.size(), run.problems.size());
  return run;
}

TEST(InputReader, RecursesFoldersInSortedOrderWithRelativeIds) {
  TempDir dir;
  dir.write("b/z.txt", "Zed text.");
  dir.write("b/a.md", "# Heading\n\nMarkdown text.");
  dir.write("a.html", "<html><body><p>HTML text.</p></body></html>");
  dir.write("c/d/e.jsonl", "{\"id\":\"1\",\"text\":\"one\"}\n{\"id\":\"2\",\"text\":\"two\"}\n");
  dir.write(".hidden/secret.txt", "ignored");
  dir.write(".DS_Store", "ignored");
  const ReadRun run = read_all({dir.path()});
  EXPECT_EQ(run.ids(), (std::vector<std::string>{"a.html", "b/a.md", "b/z.txt", "c/d/e.jsonl#1", "c/d/e.jsonl#2"}));
  EXPECT_EQ(run.counts.read, 5U);
  EXPECT_EQ(run.counts.skipped, 0U);
  EXPECT_TRUE(run.problems.empty());
  EXPECT_EQ(run.docs[1].format, "markdown");
  EXPECT_EQ(run.docs[1].path, (dir.path() / "b/a.md").string());
  EXPECT_EQ(run.docs[0].encoding, "UTF-8");
}

TEST(InputReader, FileGivenDirectlyIsIdentifiedByItsName) {
  const ReadRun run = read_all({test::data_path("plain.txt"), test::data_path("report.pdf")});
  EXPECT_EQ(run.ids(), (std::vector<std::string>{"plain.txt", "report.pdf"}));
  EXPECT_EQ(run.docs[1].format, "pdf");
}

TEST(InputReader, ReadsEveryEncodingFixture) {
  TempDir dir;
  for (const char* name : {"enc_gb18030.txt", "enc_big5.txt", "enc_shift_jis.txt", "enc_utf16le_bom.txt",
                           "enc_utf16be_nobom.txt", "enc_windows1252.txt", "enc_gbk_meta.html"}) {
    fs::copy_file(test::data_path(name), dir.path() / name);
  }
  const ReadRun run = read_all({dir.path()});
  ASSERT_EQ(run.docs.size(), 7U);
  EXPECT_TRUE(run.problems.empty());
  std::vector<std::string> encodings;
  for (const auto& d : run.docs)
    encodings.push_back(d.id + "=" + d.encoding);
  EXPECT_EQ(encodings,
            (std::vector<std::string>{"enc_big5.txt=Big5", "enc_gb18030.txt=GB18030", "enc_gbk_meta.html=GB18030",
                                      "enc_shift_jis.txt=Shift_JIS", "enc_utf16be_nobom.txt=UTF-16BE",
                                      "enc_utf16le_bom.txt=UTF-16LE", "enc_windows1252.txt=windows-1252"}));
  EXPECT_EQ(run.docs[2].title, "海外警务服务站调查");
  EXPECT_NE(run.docs[2].text.find("该服务站位于一家中餐馆楼上"), std::string::npos) << run.docs[2].text;
}

TEST(InputReader, SymlinkLoopsAreReportedNotFollowed) {
  TempDir dir;
  dir.write("docs/report.txt", "An office in Westhaven.");
  fs::create_directory_symlink("..", dir.path() / "docs" / "parent"); // docs/parent -> .
  fs::create_symlink("self.txt", dir.path() / "self.txt");            // a link to itself
  fs::create_symlink("missing.txt", dir.path() / "dangling.txt");
  const ReadRun run = read_all({dir.path()});
  EXPECT_EQ(run.ids(), std::vector<std::string>{"docs/report.txt"});
  EXPECT_EQ(run.counts.skipped, 3U);
  ASSERT_NE(run.problem_for("docs/parent"), nullptr);
  EXPECT_NE(run.problem_for("docs/parent")->detail.find("symbolic link loop"), std::string::npos);
  ASSERT_NE(run.problem_for("self.txt"), nullptr);
  EXPECT_EQ(run.problem_for("self.txt")->detail, "symbolic link loop");
  ASSERT_NE(run.problem_for("dangling.txt"), nullptr);
  EXPECT_EQ(run.problem_for("dangling.txt")->detail, "broken symbolic link (its target does not exist)");
  for (const auto& p : run.problems)
    EXPECT_EQ(p.kind, "skipped-file");
}

/// A folder mixing good documents with each kind of bad input.
class BadInputs : public ::testing::Test {
protected:
  void SetUp() override {
    dir.write("good/article.html", fixture("article.html"));
    fs::copy_file(test::data_path("enc_gb18030.txt"), dir.path() / "good/chinese_gb18030.txt");
    fs::copy_file(test::data_path("enc_utf16le_bom.txt"), dir.path() / "good/french_utf16.txt");
    std::string png("\x89PNG\r\n\x1A\n", 8);
    png += std::string(2000, '\0');
    dir.write("bad/image.jpg", png);
    std::string noise;
    for (unsigned i = 0; i < 10000; ++i)
      noise += static_cast<char>((i * 2654435761U) >> 24U);
    dir.write("bad/noise.txt", noise);
    dir.write("bad/nul_bytes.txt", std::string("Text about Lakeview\0\0 with NULs inside it, but mostly words.", 60));
    dir.write("bad/invalid_utf8.txt", "Plenty of valid UTF-8: 警务 服务站 海外 位于 一家 \xC3\x28 broken here.");
    dir.write("bad/long_line.txt", std::string(60U * 1024 * 1024, 'x'));
    {
      std::string deep = "<html><body>";
      for (int i = 0; i < 200000; ++i)
        deep += "<div>";
      deep += "Deep text about Southfield";
      dir.write("bad/deep.html", deep);
    }
    {
      const fs::path huge = dir.path() / "bad/huge.txt"; // 2 GiB, sparse: no disk used
      const int fd = ::open(huge.c_str(), O_CREAT | O_WRONLY, 0644);
      ASSERT_GE(fd, 0);
      ASSERT_EQ(::ftruncate(fd, 2LL * 1024 * 1024 * 1024), 0);
      ::close(fd);
    }
    dir.write("bad/unreadable.txt", "secret");
    fs::permissions(dir.path() / "bad/unreadable.txt", fs::perms::none);
    fs::create_directory_symlink("..", dir.path() / "bad/loop");
    ASSERT_EQ(::mkfifo((dir.path() / "bad/pipe.txt").c_str(), 0644), 0);
    dir.write("bad/empty.txt", "");
    dir.write("bad/broken.pdf", "%PDF-1.4 garbage");
  }
  TempDir dir;
};

TEST_F(BadInputs, EveryBadFileIsNamedAndEveryGoodOneRead) {
  const bool root = ::geteuid() == 0; // root reads files whatever their permissions
  const ReadRun run = read_all({dir.path()});
  std::vector<std::string> ids = run.ids();
  for (const char* id : {"good/article.html", "good/chinese_gb18030.txt", "good/french_utf16.txt", "bad/deep.html",
                         "bad/nul_bytes.txt", "bad/invalid_utf8.txt"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
  const auto expect_skip = [&](const std::string& file, const std::string& reason_part) {
    const Problem* p = run.problem_for(file);
    ASSERT_NE(p, nullptr) << file;
    EXPECT_EQ(p->kind, "skipped-file") << file;
    EXPECT_NE(p->detail.find(reason_part), std::string::npos) << file << ": " << p->detail;
    EXPECT_EQ(problem_line(*p), "stationmap: skipped " + p->file + ": " + p->detail);
  };
  expect_skip("bad/image.jpg", "binary file (PNG image)");
  expect_skip("bad/noise.txt", "control bytes");
  expect_skip("bad/long_line.txt", "a single line of 60.0 MiB");
  expect_skip("bad/huge.txt", "file of 2.0 GiB is over the size limit of 256.0 MiB");
  expect_skip("bad/loop", "symbolic link loop");
  expect_skip("bad/pipe.txt", "a named pipe");
  expect_skip("bad/empty.txt", "empty file");
  expect_skip("bad/broken.pdf", "damaged PDF");
  if (!root)
    expect_skip("bad/unreadable.txt", "permission denied");
  const Problem* nul = run.problem_for("bad/nul_bytes.txt");
  ASSERT_NE(nul, nullptr);
  EXPECT_EQ(nul->kind, "decoding");
  EXPECT_EQ(nul->detail, "2 NUL byte(s) removed");
  const Problem* invalid = run.problem_for("bad/invalid_utf8.txt");
  ASSERT_NE(invalid, nullptr);
  EXPECT_EQ(invalid->detail, "1 invalid byte sequence(s) in UTF-8 replaced with U+FFFD");
  EXPECT_EQ(run.counts.read, run.docs.size());
  EXPECT_EQ(run.counts.skipped, root ? 8U : 9U);
  const auto chinese = std::find_if(run.docs.begin(), run.docs.end(),
                                    [](const Document& d) { return d.id == "good/chinese_gb18030.txt"; });
  ASSERT_NE(chinese, run.docs.end());
  EXPECT_EQ(chinese->encoding, "GB18030");
  EXPECT_NE(chinese->text.find("警务服务站"), std::string::npos);
}

TEST_F(BadInputs, ParallelReadingGivesTheSameResultInTheSameOrder) {
  const ReadRun sequential = read_all({dir.path()});
  ReadOptions options;
  options.jobs = 3;
  const ReadRun parallel = read_all({dir.path()}, options);
  EXPECT_EQ(parallel.ids(), sequential.ids());
  EXPECT_EQ(parallel.counts.read, sequential.counts.read);
  EXPECT_EQ(parallel.counts.skipped, sequential.counts.skipped);
  ASSERT_EQ(parallel.problems.size(), sequential.problems.size());
  for (std::size_t i = 0; i < parallel.problems.size(); ++i) {
    EXPECT_EQ(parallel.problems[i].file, sequential.problems[i].file);
    EXPECT_EQ(parallel.problems[i].detail, sequential.problems[i].detail);
  }
}

TEST(InputReader, MissingInputIsReported) {
  const ReadRun run = read_all({"/nonexistent/stationmap/input.txt"});
  EXPECT_TRUE(run.docs.empty());
  EXPECT_EQ(run.counts.skipped, 1U);
  ASSERT_EQ(run.problems.size(), 1U);
  EXPECT_EQ(problem_line(run.problems[0]),
            "stationmap: skipped /nonexistent/stationmap/input.txt: no such file or folder");
}

TEST(InputReader, JsonlBadLinesCountAsSkippedDocuments) {
  TempDir dir;
  fs::copy_file(test::data_path("corpus.jsonl"), dir.path() / "corpus.jsonl");
  const ReadRun run = read_all({dir.path() / "corpus.jsonl"});
  EXPECT_EQ(run.counts.read, 4U);
  EXPECT_EQ(run.counts.skipped, 3U);
  ASSERT_EQ(run.problems.size(), 3U);
  EXPECT_EQ(run.problems[0].kind, "skipped-document");
  EXPECT_EQ(run.problems[0].file, (dir.path() / "corpus.jsonl").string() + ":3");
}

TEST(InputReader, LargeJsonlIsStreamedWithBoundedMemory) {
  TempDir dir;
  {
    std::string chunk;
    for (int i = 0; i < 1000; ++i) {
      chunk += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"Officials in Westhaven said the office closed. " +
               std::string(400, 'w') + "\"}\n";
    }
    std::string all;
    for (int k = 0; k < 100; ++k)
      all += chunk; // ~45 MB, 100,000 documents
    dir.write("big.jsonl", all);
  }
  rusage before{};
  ::getrusage(RUSAGE_SELF, &before);
  std::size_t n = 0;
  std::size_t bytes = 0;
  ProblemReport report;
  const ReadCounts counts = read_inputs(
      {dir.path()}, {},
      [&](Document&& d) {
        ++n;
        bytes += d.text.size();
      },
      report);
  rusage after{};
  ::getrusage(RUSAGE_SELF, &after);
  EXPECT_EQ(n, 100000U);
  EXPECT_EQ(counts.read, 100000U);
  EXPECT_GT(bytes, 40'000'000U);
  // Peak resident memory grows by far less than the corpus (ru_maxrss is in KiB). AddressSanitizer's
  // quarantine keeps freed memory resident, so the bound only holds in ordinary builds.
#if !defined(__SANITIZE_ADDRESS__)
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 30 * 1024)
      << "peak RSS grew by " << (after.ru_maxrss - before.ru_maxrss) << " KiB";
#endif
}

} // namespace
} // namespace stationmap::ingest
