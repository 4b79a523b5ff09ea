#pragma once
/// @file
/// Analysts' corrections: decisions kept in a UTF-8 CSV file with the header `action,target,value,note`, one
/// decision per row, applied on every build, in file order, so that a rebuild never brings an error back.
///
/// | action        | target                       | value                             |
/// |---------------|------------------------------|-----------------------------------|
/// | `reject`      | station_id or site name      | (empty)                           |
/// | `confirm`     | station_id or site name      | (empty)                           |
/// | `move`        | station_id or site name      | `LAT LON` or `geonameid:N`        |
/// | `pin`         | `NAME@DOCUMENT` or `NAME@*`  | `LAT LON` or `geonameid:N`        |
/// | `add_station` | site name                    | `LAT LON` or `geonameid:N`        |
/// | `add_link`    | station_id or site name      | jurisdiction_id or its name       |
/// | `remove_link` | station_id or site name      | jurisdiction_id or its name       |
/// | `set_status`  | station_id or site name      | `STATUS` or `STATUS@YYYY-MM-DD`   |
///
/// `pin` works inside extraction (every mention of NAME in that document, or in all, resolves to the place
/// before roles are decided); the others change the merged ClaimSet. A row that cannot be read (unknown action,
/// missing target, a value of the wrong form) is `malformed-correction` in problems.csv and skipped; a row whose
/// target is not in this build is `stale-correction` and skipped. Neither stops the build.

#include "stationmap/core/problem_report.hpp"
#include "stationmap/extract/claims.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap {

enum class CorrectionAction : std::uint8_t { Reject, Confirm, Move, Pin, AddStation, AddLink, RemoveLink, SetStatus };

/// The action's name as written in the file.
const char* correction_action_name(CorrectionAction action);

/// A place as a correction gives it: a GeoNames id, or coordinates.
struct PlaceValue {
  std::optional<std::int64_t> geonameid;
  double lat = 0.0;
  double lon = 0.0;
};

/// One well-formed row of a corrections file.
struct Correction {
  std::size_t row = 0; ///< line of the file (the header is line 1)
  CorrectionAction action = CorrectionAction::Confirm;
  std::string target; ///< as written (trimmed)
  std::string value;  ///< as written (trimmed)
  std::string note;
  // Read from target and value, by action:
  PlaceValue place;                ///< move, pin, add_station
  std::string pin_name;            ///< pin: NAME
  std::string pin_document;        ///< pin: DOCUMENT, or "*" for every document
  Status status = Status::Alleged; ///< set_status
  std::string status_date;         ///< set_status: YYYY-MM-DD or empty
};

/// The readable rows of a corrections file.
struct CorrectionSet {
  std::string source; ///< the file as the user named it, for problems.csv
  std::vector<Correction> rows;
};

/// Reads corrections from CSV text. Malformed rows are reported to @p problems (`malformed-correction`, naming
/// the line) and skipped. Throws InputError when the header is not `action,target,value,note`.
CorrectionSet parse_corrections(std::string_view csv, const std::string& source, ProblemReport& problems);

/// One row of a corrections file as CSV text (fields quoted when needed, line breaks in them made spaces),
/// ending with a newline; the header is corrections_header().
std::string correction_row_csv(std::string_view action, std::string_view target, std::string_view value,
                               std::string_view note);
/// "action,target,value,note\n"
std::string_view corrections_header();

/// Reads a corrections file (UTF-8). Throws IoError when it cannot be read, InputError as parse_corrections().
CorrectionSet read_corrections(const std::filesystem::path& path, ProblemReport& problems);

/// The places the corrections give, looked up once: a geonameid's gazetteer entry (one pass over the gazetteer
/// for all rows), or a point at the coordinates.
class CorrectionPlaces {
public:
  CorrectionPlaces(const CorrectionSet& corrections, const Gazetteer& gazetteer);

  /// The place of row @p c: the gazetteer entry of its geonameid (empty when the gazetteer has none), or a
  /// point named @p name at its coordinates, which takes its country and kind from a gazetteer entry of that
  /// name within a few kilometres when there is one.
  [[nodiscard]] std::optional<Place> place(const Correction& c, const std::string& name) const;

private:
  const Gazetteer* m_gazetteer;
  std::map<std::int64_t, Place> m_by_geonameid;
};

/// The `pin` rows, ready for the extractor: which place a mention of a name in a document resolves to.
class MentionPins {
public:
  struct Pin {
    Place place;
    CorrectionRef ref;
  };
  MentionPins() = default;
  /// Pins whose geonameid the gazetteer does not hold are left out (apply_corrections() reports them).
  MentionPins(const CorrectionSet& corrections, const CorrectionPlaces& places);

  /// The pin for a mention of @p text in @p document (names compared folded; the last matching row wins, as
  /// rows apply in file order), or nullptr.
  [[nodiscard]] const Pin* find(std::string_view document, std::string_view text) const;
  [[nodiscard]] bool empty() const { return m_pins.empty(); }

private:
  struct Entry {
    std::string folded_name;
    std::string document; ///< "*" for every document
    Pin pin;
  };
  std::vector<Entry> m_pins;
};

/// What apply_corrections() could not apply: rows whose target is not in this build.
struct StaleCorrection {
  std::size_t row = 0;
  std::string action;
  std::string target;
  std::string detail;
};

/// Applies every row but `pin` to @p claims in file order, recording each in the `corrections` of the features
/// it touched, and keeps the ClaimSet's order and cross-references (station and jurisdiction lists, links).
/// `pin` rows are only checked: one that matched no mention is stale. Stale rows are reported to @p problems
/// (`stale-correction`) and returned, for the review queue.
std::vector<StaleCorrection> apply_corrections(ClaimSet& claims, const CorrectionSet& corrections,
                                               const CorrectionPlaces& places, ProblemReport& problems);

/// A build's corrections, start to end: read the file (when given), pin mentions during extraction, apply the
/// other rows after merging.
class CorrectionPass {
public:
  /// Reads @p file (none when empty); malformed rows go to @p problems. Throws as read_corrections().
  CorrectionPass(const std::filesystem::path& file, const Gazetteer& gazetteer, ProblemReport& problems);
  /// For the Extractor: nullptr without pins.
  [[nodiscard]] const MentionPins* pins() const { return m_pins.empty() ? nullptr : &m_pins; }
  /// Applies the rows to @p claims (see apply_corrections()); returns the stale ones.
  std::vector<StaleCorrection> apply(ClaimSet& claims, ProblemReport& problems) const;

private:
  CorrectionSet m_set;
  CorrectionPlaces m_places;
  MentionPins m_pins;
};

} // namespace stationmap
