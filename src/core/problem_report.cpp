#include "stationmap/core/problem_report.hpp"

#include <algorithm>
#include <tuple>

namespace stationmap {

void ProblemReport::add(Problem problem) {
  const std::lock_guard lock(m_mutex);
  m_problems.push_back(std::move(problem));
}

std::vector<Problem> ProblemReport::sorted() const {
  std::vector<Problem> copy;
  {
    const std::lock_guard lock(m_mutex);
    copy = m_problems;
  }
  std::sort(copy.begin(), copy.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.file, a.kind, a.detail) < std::tie(b.file, b.kind, b.detail);
  });
  copy.erase(std::unique(copy.begin(), copy.end(),
                         [](const Problem& a, const Problem& b) {
                           return a.file == b.file && a.kind == b.kind && a.detail == b.detail;
                         }),
             copy.end());
  return copy;
}

std::size_t ProblemReport::size() const {
  const std::lock_guard lock(m_mutex);
  return m_problems.size();
}

std::size_t ProblemReport::count(const std::string& kind) const {
  const std::lock_guard lock(m_mutex);
  return static_cast<std::size_t>(
      std::count_if(m_problems.begin(), m_problems.end(), [&](const Problem& p) { return p.kind == kind; }));
}

} // namespace stationmap
