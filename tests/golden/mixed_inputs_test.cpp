// End to end over a folder that mixes good documents (one GB18030, one UTF-16) with every kind of bad input:
// the good ones give their stations, every skipped file is named, the exit status is 1, memory stays bounded.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unicode/ucnv.h>

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

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

std::set<std::string> station_names(const fs::path& out) {
  std::ifstream in(out / "stations.geojson");
  const nlohmann::json doc = nlohmann::json::parse(in);
  std::set<std::string> names;
  for (const auto& f : doc["features"]) {
    names.insert(f["properties"]["name"].get<std::string>());
  }
  return names;
}

} // namespace

TEST(MixedInputs, GoodDocumentsAreMappedAndEveryBadFileIsNamed) {
  const fs::path dir = fs::temp_directory_path() / "stationmap-mixed-inputs";
  const fs::path in = dir / "in";
  const fs::path out = dir / "out";
  fs::remove_all(dir);
  fs::create_directories(in);
  write(in / "good-utf8.txt",
        "An office in Dublin was named as an overseas police service station opened by the Fuzhou public "
        "security bureau.\n");
  write(in / "good-gb18030.txt", convert("据报道，南通市公安局在布达佩斯设立了一处海外警侨服务站。\n", "GB18030"));
  write(in / "good-utf16.txt", "\xFF\xFE" + convert("An office in Oslo was described as an overseas police "
                                                    "station run by the Wenzhou police.\n",
                                                    "UTF-16LE"));
  const std::string png_magic = "\x89PNG\r\n\x1a\n";
  write(in / "binary.txt", png_magic + std::string(4, '\0') + "\rIHDR" + std::string(4096, '\0'));
  write(in / "nul-bytes.txt", std::string(2000, '\0') + "text");
  write(in / "long-line.txt", std::string(60U * 1024U * 1024U, 'a'));
  std::string deep;
  for (int i = 0; i < 200000; ++i) {
    deep += "<div>";
  }
  write(in / "deep.html", "<html><body>" + deep + "An office in Lisbon.</body></html>");
  {
    std::ofstream big(in / "huge.txt", std::ios::binary); // sparse 2 GiB file
    big.seekp((2LL << 30) - 1);
    big.put('x');
  }
  fs::create_directory_symlink(in, in / "loop");
  const std::string cmd = std::string(STATIONMAP_BINARY) + " build '" + in.string() + "' -o '" + out.string() + "' >'" +
                          (dir / "stdout").string() + "' 2>'" + (dir / "stderr").string() + "'";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << "some documents were skipped";
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  EXPECT_LT(usage.ru_maxrss, 2L * 1024 * 1024) << "peak memory (KB) of the build";

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
  fs::remove_all(dir);
}
