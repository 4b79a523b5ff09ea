#pragma once
/// @file
/// Problems with the data that do not stop a run: a skipped file, an unresolved name, a station without
/// a jurisdiction. Collected during a run and written to OUTDIR/problems.csv.

#include <mutex>
#include <string>
#include <vector>

namespace stationmap {

/// One row of problems.csv.
struct Problem {
  std::string file;   ///< the document or file concerned, empty when none
  std::string kind;   ///< short machine-readable category, e.g. "skipped-file", "unresolved-name"
  std::string detail; ///< human-readable explanation of what went wrong and what to do
};

/// Thread-safe collector of problems; sorted output so that runs are reproducible.
class ProblemReport {
public:
  void add(Problem problem);
  [[nodiscard]] std::vector<Problem> sorted() const;
  [[nodiscard]] std::size_t size() const;
  /// Number of problems of a kind.
  [[nodiscard]] std::size_t count(const std::string& kind) const;

private:
  mutable std::mutex m_mutex;
  std::vector<Problem> m_problems;
};

} // namespace stationmap
