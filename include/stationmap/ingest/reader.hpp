#pragma once
/// @file
/// Reading inputs: walking files and folders, recognising formats, decoding, and reporting every file that
/// cannot be read without stopping the run.
///
/// Documents are streamed to a callback one at a time, in a stable order (inputs in the order given, each
/// folder's entries sorted by name, depth first), so memory does not grow with the size of a corpus.
/// Every skipped file or document is reported to a ProblemReport (kind "skipped-file" or
/// "skipped-document") and, as it happens, to an optional listener (to print it on stderr).

#include "stationmap/core/problem_report.hpp"
#include "stationmap/ingest/document.hpp"
#include "stationmap/ingest/pdf.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace stationmap::ingest {

/// Limits and parallelism for reading.
struct ReadOptions {
  /// Files larger than this are skipped without being read (JSON Lines files are streamed and exempt).
  std::uintmax_t max_file_bytes = 256ULL * 1024 * 1024;
  /// A line longer than this is not prose: text, Markdown and HTML files holding one are skipped, and so
  /// is such a JSON Lines line.
  std::size_t max_line_bytes = 16ULL * 1024 * 1024;
  /// Memory and time for reading one PDF (in a child process).
  PdfLimits pdf;
  /// Files read in parallel by read_inputs() (1: on the calling thread). Output order does not change.
  unsigned jobs = 1;
};

/// Documents read and skipped by read_inputs().
struct ReadCounts {
  std::size_t read = 0;    ///< documents handed to the sink
  std::size_t skipped = 0; ///< files and JSON Lines lines that gave no document
};

/// A file found among the inputs, with the id its documents get.
struct InputFile {
  std::filesystem::path path; ///< as found: the input joined with the path below it
  std::string id;             ///< path relative to the input root; the file name for a file given directly
};

/// What reading one file gave: its documents and the problems met (skips and notes).
struct FileResult {
  std::vector<Document> documents;
  std::vector<Problem> problems;
  std::size_t skipped = 0; ///< documents lost: 1 for a skipped file, or the bad lines of a JSON Lines file
};

using DocumentSink = std::function<void(Document&&)>;
using ProblemListener = std::function<void(const Problem&)>;

/// Problem kinds this stage reports.
inline constexpr const char* skipped_file_kind = "skipped-file";
inline constexpr const char* skipped_document_kind = "skipped-document";
inline constexpr const char* decoding_kind = "decoding";
/// A folder among the inputs that is a map stationmap wrote (stationmap/core/outdir.hpp): its files are not
/// documents, so it is passed over with this note (not counted as skipped).
inline constexpr const char* skipped_map_kind = "skipped-map";

/// Walks @p inputs (files or folders, recursively, entries sorted by name; hidden entries inside folders
/// ignored; symbolic links followed, loops detected; maps stationmap wrote passed over with a "skipped-map" note) and
/// calls @p on_file for each file. Inputs that are missing, unreadable folders and symbolic link loops go to @p
/// on_problem as "skipped-file" problems.
void list_inputs(const std::vector<std::filesystem::path>& inputs, const std::function<void(InputFile&&)>& on_file,
                 const std::function<void(Problem&&)>& on_problem);

/// Reads one file: a pure function of the file and the options, safe to call from several threads.
/// Formats by extension (.txt .md .html .htm .pdf .json .jsonl .ndjson), others by their content.
FileResult read_document(const InputFile& file, const ReadOptions& options = {});

/// Reads one file, streaming its documents to @p sink (a JSON Lines corpus is never held whole in memory).
/// Problems go to @p on_problem; returns the number of documents skipped.
std::size_t read_document(const InputFile& file, const ReadOptions& options, const DocumentSink& sink,
                          const std::function<void(Problem&&)>& on_problem);

/// Reads every document under @p inputs, calling @p sink with each in order. Each problem is added to
/// @p problems and passed to @p listener (if any) as it happens.
ReadCounts read_inputs(const std::vector<std::filesystem::path>& inputs, const ReadOptions& options,
                       const DocumentSink& sink, ProblemReport& problems, const ProblemListener& listener = {});

/// The line to print on stderr for a problem: "stationmap: skipped FILE: REASON" for skips,
/// "stationmap: warning FILE: DETAIL" for the rest (no trailing newline).
std::string problem_line(const Problem& problem);

} // namespace stationmap::ingest
