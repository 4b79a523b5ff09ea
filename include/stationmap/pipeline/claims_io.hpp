#pragma once
/// @file
/// Claims files: what `stationmap extract` writes and `stationmap build --claims` reads, the intermediate
/// between extraction and the map. JSON Lines, one record per line, each a JSON object:
///
/// - a document record: `document` (its id), `content_hash` (document_content_hash()), `pipeline`
///   (pipeline_version() of the program that extracted it), the document's `title`, `url` and `date`, a
///   `places` table and a `sentences` table, then `mentions`, `sites`, `jurisdictions`, `links` and `counts`
///   that refer to places and sentences by their position in those tables;
/// - a problem record: `problem` {`file`, `kind`, `detail`} and `pipeline`: an input that gave no document
///   (it goes to problems.csv of the map built from the file).
///
/// The README ("Claims files") describes every field. This file is the one place where claims are written and
/// read; a field added to the claim types is added here and to its round-trip test.

#include "stationmap/core/problem_report.hpp"
#include "stationmap/extract/extractor.hpp"
#include "stationmap/ingest/document.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

namespace stationmap {

/// The version of the claims file format. A reader refuses records of another format.
/// 2: mention reasons are Reason codes, with a note; 3: candidates (sites in doubt, with their reason code)
inline constexpr int claims_format_version = 3;

/// One document's claims with what identifies them: the content they came from and the program that found them.
struct DocumentRecord {
  std::string content_hash; ///< document_content_hash() of the document
  std::string pipeline;     ///< pipeline_version() of the extracting program
  DocumentClaims claims;
};

/// An input that gave no document (an unreadable file, a bad JSON Lines line), kept for problems.csv.
struct ProblemRecord {
  std::string pipeline;
  Problem problem;
};

using ClaimsRecord = std::variant<DocumentRecord, ProblemRecord>;

/// "sha256:" and the SHA-256 of what extraction reads of @p document: id, title, URL, date, outlet, text and
/// blocks. Equal hashes mean the extractor sees the same document.
std::string document_content_hash(const Document& document);

/// The record as one line of JSON, ending with a newline. Deterministic: the same record gives the same bytes.
std::string claims_line(const DocumentRecord& record);
std::string claims_line(const ProblemRecord& record);

/// Reads one line (without its newline). Throws FormatError saying what is wrong.
ClaimsRecord parse_claims_line(std::string_view line);

/// The pipeline version of a record, without parsing the rest of the line ("" when the line has none).
std::string claims_line_pipeline(std::string_view line);

/// Reads a claims file line by line, handing each record to @p sink. Throws IoError when the file cannot be
/// read and FormatError naming the file and line when a line is not a record.
void read_claims_file(const std::filesystem::path& path, const std::function<void(ClaimsRecord&&)>& sink);

/// True when @p path is a file stationmap wrote as a claims file (its first line is a record), or is empty.
bool is_claims_file(const std::filesystem::path& path);

} // namespace stationmap
