#pragma once
/// @file
/// The whole pipeline as one call: ingest -> geoparse -> extract -> render -> tiles, into a staged OUTDIR that
/// replaces the previous one only when everything succeeded. The `stationmap build` command and the tests
/// call this; new pipeline steps go here, not into the command line code.

#include "stationmap/core/problem_report.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace stationmap {

struct BuildOptions {
  std::filesystem::path outdir;         ///< where to write the map
  std::filesystem::path gazetteer;      ///< a .smidx index or GeoNames data; empty: the embedded gazetteer
  unsigned jobs = 1;                    ///< documents processed in parallel
  std::filesystem::path boundaries;     ///< jurisdiction boundaries (any GDAL vector source), optional
  std::string postgis;                  ///< "PG:dbname=... host=..." to also write PostGIS tables, optional
  std::optional<int> maxzoom;           ///< highest tile zoom; nullopt: chosen from the data
  std::filesystem::path corrections;    ///< analysts' corrections CSV (extract/corrections.hpp), optional
  bool png = false;                     ///< also write the print map OUTDIR/map.png (render/layers.hpp)
  std::size_t documents_per_batch = 64; ///< per job: documents held in memory at once before extraction
  /// Claims cache (build_map() only): per-document claims kept by content hash and pipeline version, so that a
  /// rebuild extracts only new or changed documents. Empty: OUTDIR's name + ".cache" beside OUTDIR, used when
  /// stationmap may write there (else a warning and no cache). A given folder that stationmap may not write
  /// is refused (OutdirRefused).
  std::filesystem::path cache;
  bool use_cache = true; ///< false: no cache is read or written

  /// Called for every problem with an input as it is found (they all also go to problems.csv).
  std::function<void(const Problem&)> on_problem;
  /// Called after each batch with the number of documents mapped so far.
  std::function<void(std::size_t documents)> on_progress;
  /// Called for warnings about the outputs (MapLibre not fetched, ...).
  std::function<void(const std::string&)> on_warning;
};

/// What build_map() did.
struct BuildSummary {
  std::size_t documents_read = 0;
  std::size_t documents_skipped = 0;
  std::size_t stations = 0;
  std::size_t jurisdictions = 0;
  std::size_t links = 0;
  std::size_t places = 0;
  std::size_t problems = 0;
  std::size_t documents_cached = 0; ///< documents whose claims came from the cache
  bool written = false;             ///< false when no document could be read: nothing was written
};

/// Maps the documents found in @p inputs (files or folders) into options.outdir. Unreadable inputs are
/// reported (on_problem, problems.csv) and skipped; when none is readable nothing is written. Throws
/// UsageError for bad options, Error (IoError, LibraryError...) when the map cannot be written.
BuildSummary build_map(const std::vector<std::filesystem::path>& inputs, const BuildOptions& options);

/// Maps the claims files @p claims (pipeline/claims_io.hpp; shards of one corpus, as `stationmap extract` wrote
/// them) into options.outdir: the second half of build_map(). A document found in several files is mapped
/// once; the problem records go to problems.csv. options.gazetteer serves the corrections. Throws as build_map(),
/// and FormatError when a file is not a claims file.
BuildSummary build_map_from_claims(const std::vector<std::filesystem::path>& claims, const BuildOptions& options);

} // namespace stationmap
