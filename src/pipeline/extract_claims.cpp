// `stationmap extract`: documents -> a claims file (pipeline/extract_claims.hpp).

#include "stationmap/pipeline/extract_claims.hpp"

#include "extraction.hpp"
#include "source_fingerprint.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/core/sha256.hpp"
#include "stationmap/extract/corrections.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <numeric>

namespace stationmap {

namespace {

/// Most shards a run may be cut into: far more machines than anyone runs, small enough to catch a typo.
constexpr unsigned max_shards = 100000;

unsigned parse_unsigned(std::string_view text) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    throw UsageError("--shard expects K/N (shard K of N, e.g. 2/4), got a part '" + std::string(text) + "'");
  }
  return value;
}

Gazetteer open_gazetteer(const std::filesystem::path& path) {
  return path.empty() ? Gazetteer::open_default() : Gazetteer::open(path);
}

/// The claims lines of a run, kept in an unnamed temporary file in the order they come and written out sorted by
/// document id: memory holds one small entry per document, not the lines (a claims file is ~2.4 KB a document).
class SpilledLines {
public:
  SpilledLines() : m_file(std::tmpfile()) {
    if (m_file == nullptr) {
      throw IoError("(temporary file)", "cannot create a temporary file for the claims lines");
    }
  }
  ~SpilledLines() { std::fclose(m_file); }
  SpilledLines(const SpilledLines&) = delete;
  SpilledLines& operator=(const SpilledLines&) = delete;

  void add(std::string id, std::string_view line) {
    if (std::fwrite(line.data(), 1, line.size(), m_file) != line.size()) {
      throw IoError("(temporary file)", "cannot write the claims lines (disk full?)");
    }
    m_entries.push_back({std::move(id), m_end, line.size()});
    m_end += line.size();
  }
  [[nodiscard]] std::size_t size() const { return m_entries.size(); }

  /// Writes every line into @p out, sorted by document id, then by the line (one id twice: the same order always).
  void write_sorted(AtomicFile& out) {
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
    for (std::size_t i = 0; i < m_entries.size();) {
      std::size_t j = i + 1;
      while (j < m_entries.size() && m_entries[j].id == m_entries[i].id) {
        ++j;
      }
      std::vector<std::string> same_id;
      for (std::size_t k = i; k < j; ++k) {
        same_id.push_back(line_at(m_entries[k]));
      }
      std::sort(same_id.begin(), same_id.end());
      for (const std::string& line : same_id) {
        out.write(line);
      }
      i = j;
    }
  }

private:
  struct Entry {
    std::string id;
    std::uint64_t offset = 0;
    std::size_t size = 0;
  };

  std::string line_at(const Entry& e) {
    std::string line(e.size, '\0');
    if (std::fseek(m_file, static_cast<long>(e.offset), SEEK_SET) != 0 ||
        std::fread(line.data(), 1, e.size, m_file) != e.size) {
      throw IoError("(temporary file)", "cannot read back the claims lines");
    }
    return line;
  }

  std::FILE* m_file;
  std::vector<Entry> m_entries;
  std::uint64_t m_end = 0;
};

} // namespace

Shard parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    throw UsageError("--shard expects K/N (shard K of N, e.g. 2/4), got '" + std::string(text) + "'");
  }
  const Shard shard{parse_unsigned(text.substr(0, slash)), parse_unsigned(text.substr(slash + 1))};
  if (shard.count < 1 || shard.count > max_shards || shard.index < 1 || shard.index > shard.count) {
    throw UsageError("--shard K/N needs 1 <= K <= N <= " + std::to_string(max_shards) + ", got '" + std::string(text) +
                     "'");
  }
  return shard;
}

bool in_shard(std::string_view id, const Shard& shard) {
  if (shard.count <= 1) {
    return true;
  }
  const auto digest = Sha256().update(id).bytes();
  const std::uint64_t h = std::accumulate(digest.begin(), digest.begin() + 8, std::uint64_t{0},
                                          [](std::uint64_t acc, std::uint8_t b) { return (acc << 8U) | b; });
  return h % shard.count == shard.index - 1;
}

std::string pipeline_version(const Gazetteer& gazetteer) {
  return std::string("stationmap ") + STATIONMAP_VERSION + "; claims " + std::to_string(claims_format_version) +
         "; sources " + detail::source_fingerprint + "; gazetteer " + std::to_string(gazetteer.size());
}

void check_claims_output(const std::filesystem::path& file, const std::vector<std::filesystem::path>& inputs) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (std::filesystem::exists(status) && (!std::filesystem::is_regular_file(status) || !is_claims_file(file))) {
    throw OutdirRefused("claims file " + file.string() +
                        " exists and is not a claims file stationmap wrote; nothing was changed. Choose a new file "
                        "name, or an earlier claims file to replace.");
  }
  check_outdir_apart_from_inputs(file, inputs);
}

ExtractSummary extract_claims(const std::vector<std::filesystem::path>& inputs, const ExtractOptions& options) {
  if (options.jobs < 1 || options.jobs > 256) {
    throw UsageError("extract: --jobs must be between 1 and 256");
  }
  std::vector<std::filesystem::path> read_from = inputs;
  if (!options.corrections.empty()) {
    read_from.push_back(options.corrections);
  }
  check_claims_output(options.output, read_from);
  const Gazetteer gazetteer = open_gazetteer(options.gazetteer);
  ProblemReport correction_problems; // malformed rows are reported by the build that applies the file
  const CorrectionPass corrections(options.corrections, gazetteer, correction_problems);
  const Extractor extractor(gazetteer, corrections.pins());

  detail::ExtractionLoop loop;
  loop.extractor = &extractor;
  loop.pipeline = pipeline_version(gazetteer);
  loop.shard = options.shard;
  loop.jobs = options.jobs;
  loop.batch_size = options.documents_per_batch;
  loop.serialise = [](const DocumentRecord& r) { return claims_line(r); };
  loop.on_problem = options.on_problem;
  loop.on_progress = options.on_progress;
  SpilledLines lines; // problem records come first: the document records wait on disk
  ProblemReport problems;
  const ingest::ReadCounts counts = detail::run_extraction(
      inputs, loop, problems, [&](detail::ExtractedDocument&& d) { lines.add(d.record.claims.document, d.line); });

  ExtractSummary summary;
  summary.documents_read = counts.read;
  summary.documents_skipped = counts.skipped;
  summary.documents_extracted = lines.size();
  AtomicFile out(options.output);
  for (const Problem& p : problems.sorted()) {
    if (in_shard(p.file, options.shard)) {
      out.write(claims_line(ProblemRecord{loop.pipeline, p}));
      ++summary.problems;
    }
  }
  lines.write_sorted(out);
  out.commit();
  return summary;
}

} // namespace stationmap
