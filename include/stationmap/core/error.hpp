#pragma once
/// @file
/// The stationmap error hierarchy. Failures are exceptions rooted at stationmap::Error;
/// problems with the data (an unresolved name, a skipped document) go to a ProblemReport instead.
/// Only main() maps these to exit codes.

#include <stdexcept>
#include <string>

namespace stationmap {

/// Root of every exception stationmap throws.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// The command line was wrong; the message says what to do instead.
class UsageError : public Error {
public:
  using Error::Error;
};

/// A file could not be read or written.
class IoError : public Error {
public:
  IoError(const std::string& path, const std::string& what) : Error(path + ": " + what), m_path(path) {}
  [[nodiscard]] const std::string& path() const noexcept { return m_path; }

private:
  std::string m_path;
};

/// An input could not be parsed (bad JSON line, corrupt gazetteer index...).
class FormatError : public Error {
public:
  using Error::Error;
};

/// A third-party C library (GDAL, PROJ, GEOS, ICU, zlib) reported a failure.
class LibraryError : public Error {
public:
  using Error::Error;
};

} // namespace stationmap
