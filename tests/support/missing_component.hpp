#pragma once
// A test whose real component (a PostgreSQL server, ogrinfo...) is missing: skipped on a developer's machine,
// a failure in CI (the environment variable CI set to "true" or "1"), where tools/install_deps.sh --tests must
// have installed everything; a test that skips in CI tested nothing.

#include <cstdlib>
#include <gtest/gtest.h>
#include <string_view>

namespace stationmap::test_support {

inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && (std::string_view(ci) == "true" || std::string_view(ci) == "1");
}

} // namespace stationmap::test_support

/// Ends the test: GTEST_SKIP() with @p reason, or FAIL() under CI. Use it where the test would skip.
#define STATIONMAP_MISSING_COMPONENT(reason)                                                                           \
  do {                                                                                                                 \
    if (::stationmap::test_support::in_ci()) {                                                                         \
      FAIL() << (reason) << " (CI: a missing component is a failure; install it with tools/install_deps.sh --tests)";  \
    }                                                                                                                  \
    GTEST_SKIP() << (reason);                                                                                          \
  } while (false)
