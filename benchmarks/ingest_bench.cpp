// Ingest benchmark: generates a corpus of N documents (half single files in .txt/.html/.md, half lines of
// one JSON Lines file) in a temporary folder, reads it with read_inputs(), and reports documents per
// second and peak resident memory.
//   ingest_bench [N=100000] [JOBS=1]

#include "stationmap/ingest/reader.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>

namespace fs = std::filesystem;

namespace {

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

std::string paragraph(std::size_t i) {
  static const char* towns[] = {"Westhaven", "Lakeview", "Northbridge", "Southfield", "Eastport"};
  return "Document " + std::to_string(i) + " says that an office in " + towns[i % 5] +
         " was described by a rights group as a service station run by a provincial police bureau. "
         "Officials said they were looking into the claims and asked residents for information.";
}

void generate(const fs::path& root, std::size_t n) {
  const std::size_t files = n / 2;
  for (std::size_t i = 0; i < files; ++i) {
    const fs::path dir = root / ("batch" + std::to_string(i / 1000));
    if (i % 1000 == 0)
      fs::create_directories(dir);
    std::ofstream out(dir / ("doc" + std::to_string(i) + (i % 3 == 0 ? ".html" : i % 3 == 1 ? ".md" : ".txt")));
    if (i % 3 == 0) {
      out << "<html><head><title>Report " << i << "</title><meta property=\"og:site_name\" content=\"Bench\"></head>"
          << "<body><nav><a href=/>Home</a></nav><article><h1>Report " << i << "</h1><p>" << paragraph(i)
          << "</p><figure><figcaption>Photo taken in Eastport</figcaption></figure><p>" << paragraph(i + 1)
          << "</p></article><footer>Footer</footer></body></html>\n";
    } else if (i % 3 == 1) {
      out << "# Report " << i << "\n\n" << paragraph(i) << "\n\n- " << paragraph(i + 1) << "\n";
    } else {
      out << "Report " << i << "\n\n" << paragraph(i) << "\n\n" << paragraph(i + 1) << "\n";
    }
  }
  std::ofstream jsonl(root / "corpus.jsonl");
  for (std::size_t i = files; i < n; ++i) {
    jsonl << "{\"id\":\"" << i << "\",\"title\":\"Report " << i << "\",\"date\":\"2023-01-01\",\"text\":\""
          << paragraph(i) << "\\n\\n"
          << paragraph(i + 1) << "\"}\n";
  }
}

} // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::stoul(argv[1]) : 100000;
  const unsigned jobs = argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : 1U;
  const fs::path root = fs::temp_directory_path() / ("stationmap-ingest-bench-" + std::to_string(n));
  fs::remove_all(root);
  auto t0 = std::chrono::steady_clock::now();
  generate(root, n);
  const double gen_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const long rss_before = peak_rss_kib();
  stationmap::ingest::ReadOptions options;
  options.jobs = jobs;
  stationmap::ProblemReport problems;
  std::size_t bytes = 0;
  t0 = std::chrono::steady_clock::now();
  const auto counts = stationmap::ingest::read_inputs(
      {root}, options, [&](stationmap::Document&& doc) { bytes += doc.text.size(); }, problems);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("ingest_bench: %zu documents (%zu skipped, %.1f MB of text) in %.2f s with %u job(s): %.0f documents/s; "
              "peak RSS %.1f MiB (%.1f MiB before reading); corpus generated in %.1f s\n",
              counts.read, counts.skipped, static_cast<double>(bytes) / 1e6, s, jobs,
              static_cast<double>(counts.read) / s, static_cast<double>(peak_rss_kib()) / 1024.0,
              static_cast<double>(rss_before) / 1024.0, gen_s);
  fs::remove_all(root);
  return counts.skipped == 0 && counts.read == n ? 0 : 1;
}
