// End to end over a folder that mixes good documents (one GB18030, one UTF-16) with every kind of bad input:
// the good ones give their stations, every skipped file is named, the exit status is 1, memory stays bounded.
// Hostile inputs among them: a 50 MB Markdown line of '[', a 256 MiB JSON of '[', a PDF the PDF reader
// crashes on; each costs one problem line.

#include "support/files.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unicode/ucnv.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string convert(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

using stationmap::test_support::write_text;

std::set<std::string> station_names(const fs::path& out) {
  std::ifstream in(out / "stations.geojson");
  const nlohmann::json doc = nlohmann::json::parse(in);
  std::set<std::string> names;
  for (const auto& f : doc["features"]) {
    names.insert(f["properties"]["name"].get<std::string>());
  }
  return names;
}

/// Lines of @p text that name @p file.
std::size_t lines_naming(const std::string& text, const std::string& file) {
  std::size_t lines = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines += text.substr(start, end - start).find(file) != std::string::npos ? 1U : 0U;
    start = end + 1;
  }
  return lines;
}

} // namespace

TEST(MixedInputs, GoodDocumentsAreMappedAndEveryBadFileIsNamed) {
  std::string dir_name = (fs::temp_directory_path() / "stationmap-mixed-inputs-XXXXXX").string();
  const fs::path dir = ::mkdtemp(dir_name.data()); // its own folder: runs in other checkouts do not collide
  const fs::path in = dir / "in";
  const fs::path out = dir / "out";
  fs::create_directories(in);
  write_text(in / "good-utf8.txt",
             "An office in Dublin was named as an overseas police service station opened by the Fuzhou public "
             "security bureau.\n");
  write_text(in / "good-gb18030.txt", convert("据报道，南通市公安局在布达佩斯设立了一处海外警侨服务站。\n", "GB18030"));
  write_text(in / "good-utf16.txt", "\xFF\xFE" + convert("An office in Oslo was described as an overseas police "
                                                         "station run by the Wenzhou police.\n",
                                                         "UTF-16LE"));
  const std::string png_magic = "\x89PNG\r\n\x1a\n";
  write_text(in / "binary.txt", png_magic + std::string(4, '\0') + "\rIHDR" + std::string(4096, '\0'));
  write_text(in / "nul-bytes.txt", std::string(2000, '\0') + "text");
  write_text(in / "long-line.txt", std::string(60U * 1024U * 1024U, 'a'));
  std::string deep;
  for (int i = 0; i < 200000; ++i) {
    deep += "<div>";
  }
  write_text(in / "deep.html", "<html><body>" + deep + "An office in Lisbon.</body></html>");
  {
    std::ofstream big(in / "huge.txt", std::ios::binary); // sparse 2 GiB file
    big.seekp((2LL << 30) - 1);
    big.put('x');
  }
  fs::create_directory_symlink(in, in / "loop");
  write_text(in / "brackets.md", std::string(50U * 1000U * 1000U, '[') + "\n"); // 50 MB line of '[' in Markdown
  {
    std::ofstream deep_json(in / "deep.json", std::ios::binary); // 256 MiB of '[': nested arrays, no end
    const std::string chunk(1U << 20, '[');
    for (int i = 0; i < 256; ++i) {
      deep_json << chunk;
    }
  }
  // A PDF the PDF reader crashes on: the reader's child aborts on it through its test hook (ingest/pdf.hpp).
  write_text(in / "crash-me.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  const std::string cmd = "STATIONMAP_PDF_TEST_ABORT=crash-me " + std::string(STATIONMAP_BINARY) + " build '" +
                          in.string() + "' -o '" + out.string() + "' >'" + (dir / "stdout").string() + "' 2>'" +
                          (dir / "stderr").string() + "'";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << "some documents were skipped";
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  EXPECT_LT(usage.ru_maxrss, 2L * 1024 * 1024) << "peak memory (KB) of the build";
  RecordProperty("build_peak_rss_kib", std::to_string(usage.ru_maxrss));
  std::cout << "build peak memory: " << usage.ru_maxrss / 1024 << " MiB\n";

  const auto names = station_names(out);
  EXPECT_EQ(names.count("Dublin"), 1U);
  EXPECT_EQ(names.count("Budapest"), 1U) << "the GB18030 document";
  EXPECT_EQ(names.count("Oslo"), 1U) << "the UTF-16 document";
  std::ifstream problems_in(out / "problems.csv");
  const std::string problems((std::istreambuf_iterator<char>(problems_in)), std::istreambuf_iterator<char>());
  std::ifstream err_in(dir / "stderr");
  const std::string err((std::istreambuf_iterator<char>(err_in)), std::istreambuf_iterator<char>());
  for (const char* bad : {"binary.txt", "nul-bytes.txt", "long-line.txt", "huge.txt", "loop"}) {
    EXPECT_NE(problems.find(bad), std::string::npos) << bad << " not named in problems.csv";
    EXPECT_NE(err.find(bad), std::string::npos) << bad << " not named on stderr";
  }
  for (const auto& [bad, reason] :
       {std::pair{"brackets.md", "a single line of"}, std::pair{"deep.json", "nested deeper than"},
        std::pair{"crash-me.pdf", "the PDF reader crashed on it"}}) {
    EXPECT_EQ(lines_naming(problems, bad), 1U) << bad << ": one problem line in\n" << problems;
    EXPECT_NE(problems.find(reason), std::string::npos) << bad << ": " << reason;
    EXPECT_EQ(lines_naming(err, bad), 1U) << bad << " on stderr";
  }
  fs::remove_all(dir);
}
