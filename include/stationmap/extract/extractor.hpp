#pragma once
/// @file
/// The extract stage: from a document's resolved place mentions to claims. Every mention gets a role
/// (station site, home jurisdiction, or other with a reason); sites and jurisdictions are tied only where a
/// sentence or table row states the tie; status and evidence come from the supporting sentences.
/// Cues are recognised in English, French, Spanish, German and Chinese.

#include "stationmap/core/problem_report.hpp"
#include "stationmap/extract/claims.hpp"
#include "stationmap/extract/shared_values.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/ingest/document.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace stationmap {

/// What one document claims, before merging across documents.
struct DocumentClaims {
  std::string document;
  std::vector<RoledMention> mentions;
  struct SiteClaim {
    Place place;
    std::string precision;
    std::optional<Status> status; ///< none when the sentence states none
    std::string status_date;      ///< ISO date the supporting sentence gives, if any
    int count = 0;                ///< stations at the site when the sentence gives a number ("three in Madrid")
    Evidence evidence;
  };
  struct JurisdictionClaim {
    Place place;
    Evidence evidence;
  };
  struct LinkClaim {
    Place site;
    Place jurisdiction;
    Evidence evidence;
  };
  /// A site the passes doubt (is_uncertain_site): reviewed by analysts, never a station.
  struct CandidateClaim {
    SiteClaim site;
    Reason reason = Reason::UncertainName;
  };
  std::vector<SiteClaim> sites;
  std::vector<CandidateClaim> candidates;
  std::vector<JurisdictionClaim> jurisdictions;
  std::vector<LinkClaim> links;
  std::vector<Evidence> counts; ///< counts without places ("102 stations in 53 countries"), as sentences
};

class MentionPins;

/// Extracts claims from documents with the geoparser over @p gazetteer. Thread-safe. With @p pins (analysts'
/// `pin` corrections, see corrections.hpp), a pinned mention resolves to its pin's place before roles are
/// decided, and is taken as certain.
class Extractor {
public:
  explicit Extractor(const Gazetteer& gazetteer, const MentionPins* pins = nullptr)
      : m_gazetteer(gazetteer), m_pins(pins) {}
  [[nodiscard]] DocumentClaims extract(const Document& document) const;

private:
  const Gazetteer& m_gazetteer;
  const MentionPins* m_pins;
};

/// How precise a site at @p place is: "district", "city", "region" or "country".
std::string site_precision(const Place& place);

/// Merges per-document claims into one station per site place and one jurisdiction per place, with stable
/// ids and every source kept; data problems (a station without jurisdiction...) go to @p problems. Candidates
/// merge per place the same way; one at a station's place is dropped (the map already has it).
///
/// The merge streams: each document is folded in as it comes (add) and its claims are freed, so memory holds
/// the merged claims, never every document's. Places, document fields and sentences are held once and shared
/// by the mentions and evidence that name them. The result does not depend on the order of add() calls.
class ClaimMerger {
public:
  ClaimMerger();
  ~ClaimMerger();
  ClaimMerger(const ClaimMerger&) = delete;
  ClaimMerger& operator=(const ClaimMerger&) = delete;
  ClaimMerger(ClaimMerger&&) noexcept;
  ClaimMerger& operator=(ClaimMerger&&) noexcept;

  /// Folds in one document's claims.
  void add(DocumentClaims&& document);
  /// Runs @p build with the merger's shared values (shared_values.hpp), alone: no add() or other build runs
  /// meanwhile, whatever thread each comes from (add_shared() may: it does not touch them). Claims built from them
  /// go in with add_shared().
  void with_shared_values(const std::function<void(SharedValues&)>& build);
  /// Folds in one document's claims whose places, document fields and sentences are all this merger's shared
  /// values already (built in with_shared_values()): they are not looked up again.
  void add_shared(DocumentClaims&& document);
  /// Number of documents added.
  [[nodiscard]] std::size_t documents() const;
  /// The merged claims of every document added; the merger is empty afterwards.
  [[nodiscard]] ClaimSet finish(ProblemReport& problems);

private:
  struct State;
  /// Whether a document's values are to be shared yet (add()) or are the merger's already (add_shared()).
  enum class Values : std::uint8_t { ToShare, Shared };
  void fold_in(DocumentClaims&& document, Values values);

  std::unique_ptr<State> m_state;
};

/// Merges @p documents as a ClaimMerger does.
ClaimSet merge_claims(std::vector<DocumentClaims> documents, ProblemReport& problems);

/// Drops the candidates whose place is (now) a station's, e.g. after an analyst's add_station or move.
void drop_candidates_at_stations(ClaimSet& claims);

} // namespace stationmap
