#pragma once
/// @file
/// The claims the extract stage finds, as plain values: alleged station sites, home jurisdictions and the
/// ties between them, each with the evidence that supports it. These are what the render stage draws.

#include "stationmap/gazetteer/place.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap {

/// What the sources say about a station site, strongest statement first. This is the one order: when two
/// statements disagree (in one sentence or across documents) the earlier one here wins. A closure outranks an
/// order to close, which outranks an investigation; a confirmation or an official denial is a more specific
/// statement than a suspicion; "alleged" is the default when nothing more is said.
enum class Status : std::uint8_t { Closed, OrderedClosed, UnderInvestigation, Confirmed, Denied, Suspected, Alleged };

/// Every status, in the order above (legends and styles list them this way).
inline constexpr std::array<Status, 7> all_statuses = {
    Status::Closed,    Status::OrderedClosed, Status::UnderInvestigation, Status::Confirmed, Status::Denied,
    Status::Suspected, Status::Alleged};

/// The status as every output writes it: "closed", "ordered closed", "under investigation"...
[[nodiscard]] std::string_view status_name(Status status);

/// The status named @p name (as status_name writes it), if any.
[[nodiscard]] std::optional<Status> parse_status(std::string_view name);

/// True when @p a is a stronger statement than @p b.
[[nodiscard]] constexpr bool stronger(Status a, Status b) {
  return a < b;
}

/// What every claim from one document shares: its id, title, URL and date. Held once per document and referred
/// to by its evidence and mentions (a corpus has a few fields per document, not per claim).
struct DocumentInfo {
  std::string id;    ///< Document::id
  std::string title; ///< document title, when known
  std::string url;   ///< document URL, when known
  std::string date;  ///< document date, when known

  friend bool operator==(const DocumentInfo&, const DocumentInfo&) = default;
};

/// A document's shared fields (see DocumentInfo).
using DocumentRef = std::shared_ptr<const DocumentInfo>;
/// A sentence's text, shared by the evidence and mentions it supports.
using SentenceRef = std::shared_ptr<const std::string>;

/// The fields of @p document, to share.
[[nodiscard]] DocumentRef share_document(DocumentInfo document);
/// The sentence @p text, to share.
[[nodiscard]] SentenceRef share_sentence(std::string text);

/// One sentence of one document that supports a claim. The document's fields and the sentence's text are
/// shared (DocumentRef, SentenceRef): a sentence supporting many claims is held once.
struct Evidence {
  DocumentRef source;      ///< the document (id, title, URL, date)
  SentenceRef text;        ///< the supporting sentence, as written
  std::uint32_t start = 0; ///< sentence offsets in the document text (code points)
  std::uint32_t end = 0;

  [[nodiscard]] const std::string& document() const; ///< Document::id
  [[nodiscard]] const std::string& title() const;    ///< document title, when known
  [[nodiscard]] const std::string& url() const;      ///< document URL, when known
  [[nodiscard]] const std::string& date() const;     ///< document date, when known
  [[nodiscard]] const std::string& sentence() const; ///< the supporting sentence, as written

  /// Evidence in @p document: @p sentence at @p start..@p end.
  [[nodiscard]] static Evidence of(DocumentInfo document, std::string sentence, std::uint32_t start = 0,
                                   std::uint32_t end = 0);
};

/// An analyst's correction that touched a feature: its row in the corrections file (see
/// extract/corrections.hpp), what it did and the analyst's note. Listed in the feature's `corrections` property.
struct CorrectionRef {
  std::size_t row = 0; ///< line of the corrections file (the header is line 1)
  std::string action;  ///< "reject", "confirm", "move", "pin", "add_station", "add_link", "remove_link", "set_status"
  std::string note;
};

/// An alleged overseas police station site (one per distinct site place, all sources merged).
struct Station {
  std::string station_id; ///< stable: derived from the place id
  Place place;
  std::string precision; ///< "address", "district", "city", "region" or "country"
  std::string address;   ///< street or building when the text gives one
  Status status = Status::Alleged;
  std::string status_date; ///< ISO date of the status when given
  int station_count = 1;   ///< stations at this site when the text gives a number
  std::vector<std::string> jurisdiction_ids;
  std::vector<std::string> documents;
  std::vector<Evidence> evidence;
  double confidence = 0.0;
  bool verified = false;                  ///< an analyst confirmed (or added) the site
  std::vector<CorrectionRef> corrections; ///< analysts' corrections that touched the site
};

/// A home jurisdiction (a public-security bureau's city, county or district) said to run stations.
struct Jurisdiction {
  std::string jurisdiction_id; ///< stable: derived from the place id
  Place place;
  std::string admin_level; ///< "province", "prefecture", "county", "district", "city"
  std::string province;    ///< e.g. "Fujian"
  std::vector<std::string> station_ids;
  std::vector<std::string> documents;
  std::vector<Evidence> evidence;
  std::vector<CorrectionRef> corrections;
};

/// A tie between a site and a jurisdiction that a document states.
struct Link {
  std::string link_id;
  std::string station_id;
  std::string jurisdiction_id;
  std::vector<Evidence> evidence;
  std::vector<CorrectionRef> corrections;
};

/// Roles a place mention can take.
/// Rejected: an analyst's correction says the place is not a station site.
enum class MentionRole : std::uint8_t { Station, Jurisdiction, Other, Rejected };

/// The role's name in mentions.csv and places.geojson.
inline const char* mention_role_name(MentionRole role) {
  switch (role) {
  case MentionRole::Station:
    return "station";
  case MentionRole::Jurisdiction:
    return "jurisdiction";
  case MentionRole::Rejected:
    return "rejected";
  case MentionRole::Other:
    break;
  }
  return "other";
}

/// Why a mention has its role: one value per rule of the extract passes (src/extract/passes) that decides a
/// role. Every mention has one, stations and jurisdictions included. mentions.csv writes the code in
/// `reason_code` and the description (or the analyst's note) in `reason`.
enum class Reason : std::uint8_t {
  // station
  StationCue,       ///< named in a sentence with a station word
  TableRow,         ///< a row of a table in a document about stations
  WithJurisdiction, ///< named beside a home jurisdiction in a document about stations
  DistrictOfCity,   ///< a district named beside its city: the city's station
  // jurisdiction
  PoliceCue,         ///< a Chinese place beside police or tie words
  EnumerationMember, ///< listed with a jurisdiction ("the cities of Nantong, Wenzhou and Fuzhou")
  // other
  NoCue,                 ///< no station or police cue around it
  Unresolved,            ///< the gazetteer has no place for the name
  Byline,                ///< in a byline or an "about the writer" box
  Navigation,            ///< in a navigation line ("Related:", "Read more")
  Caption,               ///< in a photo caption that names no bureau
  Dateline,              ///< where the reporter filed ("VIENNA, Dec 9 (Wire) -")
  HomeSide,              ///< where people come from (hometown, natives of)
  Metonymy,              ///< a capital standing for its government ("Beijing has denied")
  FacilityName,          ///< part of a facility's name ("Frankfurt Airport")
  SpeakerLocation,       ///< where a speaker is ("Prosecutors in X said")
  ChinaWithoutPoliceCue, ///< in China, not tied to a police cue
  NestedJurisdiction,    ///< a district of a jurisdiction the sentence names: the link goes to the city
  NotASiteFeature,       ///< a continent, sea or other feature that cannot host a station
  OrganisationBase,      ///< where an organisation or reporter is based
  DiplomaticMission,     ///< an embassy's or consulate's place
  FoundNoStation,        ///< officials found no station there
  Question,              ///< asked about, not reported ("whether an office existed in X")
  Namesake,              ///< a small place in a country the document never names
  UncertainName,         ///< a weak reading of the name (an unlabelled alternate name, part of a street name)
  QualifierOfSite,       ///< qualifies a site in a chain ("Madrid, Spain")
  FinerSite,             ///< a country or region with a finer site inside it
  // rejected
  RejectedByAnalyst, ///< an analyst's `reject` correction
};

/// Every reason, in the order above.
inline constexpr std::array<Reason, static_cast<std::size_t>(Reason::RejectedByAnalyst) + 1> all_reasons = {
    Reason::StationCue,
    Reason::TableRow,
    Reason::WithJurisdiction,
    Reason::DistrictOfCity,
    Reason::PoliceCue,
    Reason::EnumerationMember,
    Reason::NoCue,
    Reason::Unresolved,
    Reason::Byline,
    Reason::Navigation,
    Reason::Caption,
    Reason::Dateline,
    Reason::HomeSide,
    Reason::Metonymy,
    Reason::FacilityName,
    Reason::SpeakerLocation,
    Reason::ChinaWithoutPoliceCue,
    Reason::NestedJurisdiction,
    Reason::NotASiteFeature,
    Reason::OrganisationBase,
    Reason::DiplomaticMission,
    Reason::FoundNoStation,
    Reason::Question,
    Reason::Namesake,
    Reason::UncertainName,
    Reason::QualifierOfSite,
    Reason::FinerSite,
    Reason::RejectedByAnalyst};

/// The reason's code as mentions.csv writes it: "station_cue", "dateline", "organisation_base"...
[[nodiscard]] std::string_view reason_code(Reason reason);

/// The reason in words: "station cue", "dateline", "organisation base"...
[[nodiscard]] std::string_view reason_description(Reason reason);

/// The reason named @p code (as reason_code writes it), if any.
[[nodiscard]] std::optional<Reason> parse_reason(std::string_view code);

/// The role a mention with @p reason has: the group the reason is listed under above (station, jurisdiction,
/// other, rejected). A mention's role and reason always agree so.
[[nodiscard]] MentionRole role_of_reason(Reason reason);

/// Whether @p reason leaves a site in doubt rather than ruling it out: a place named where a site could be, but
/// asked about (question), possibly the wrong place of that name (namesake) or a weak reading of the name
/// (uncertain_name). Such a place is a candidate for an analyst's review (candidates.geojson), never a station.
[[nodiscard]] constexpr bool is_uncertain_site(Reason reason) {
  return reason == Reason::Question || reason == Reason::Namesake || reason == Reason::UncertainName;
}

/// What a few mentions carry beyond their place and role: a note and the analysts' corrections.
struct MentionNotes {
  std::string note;                       ///< the analyst's note (rejected), or what the reason refers to ("Auckland")
  std::vector<CorrectionRef> corrections; ///< analysts' corrections (pin, reject) that touched the mention
};

/// A place mention with its role, as listed in mentions.csv and places.geojson. The place, the document's fields
/// and the sentence are shared with the other mentions and evidence that name them (a corpus holds each once).
/// Mentions are most of a corpus's claims in memory (several per document): the rare note and corrections are held
/// behind one pointer, none when the mention has neither.
struct RoledMention {
  DocumentRef source; ///< the document
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string text;
  std::shared_ptr<const Place> resolved_place; ///< none when unresolved
  MentionRole role = MentionRole::Other;
  Reason reason = Reason::NoCue;             ///< why it has its role
  SentenceRef sentence_text;                 ///< the sentence the mention is in
  double confidence = 0.0;                   ///< the geoparser's confidence in the resolution (0..1)
  std::shared_ptr<const MentionNotes> notes; ///< note and corrections; none when both are empty

  /// The analyst's note (rejected), or what the reason refers to ("Auckland"); empty when none.
  [[nodiscard]] const std::string& note() const;
  /// Analysts' corrections (pin, reject) that touched the mention.
  [[nodiscard]] const std::vector<CorrectionRef>& corrections() const;
  /// Sets the note and the corrections (none kept when both are empty).
  void set_notes(MentionNotes notes);
  void set_note(std::string note);
  /// Adds @p ref to the corrections unless one of its row is there.
  void add_correction(const CorrectionRef& ref);

  [[nodiscard]] bool resolved() const { return resolved_place != nullptr; }
  [[nodiscard]] const std::string& document() const; ///< Document::id
  /// The place the mention resolves to (an empty Place when unresolved).
  [[nodiscard]] const Place& place() const;
  [[nodiscard]] std::string place_id() const; ///< place_id_of(place()); empty when unresolved
  [[nodiscard]] const std::string& sentence() const;
  void set_place(const Place& place) { resolved_place = std::make_shared<const Place>(place); }
};

/// What mentions.csv and places.geojson write as the mention's reason: the analyst's note or the reason's
/// description, with what it refers to ("district of its city: Auckland").
[[nodiscard]] std::string reason_text(const RoledMention& m);

/// A site the extractor is unsure of: a place named where a site could be, left off the stations for a reason
/// that doubts it (is_uncertain_site). It has the properties a station at that place would have (the
/// station_id it would get, its evidence...) and the reasons it is uncertain; links are never drawn to it.
struct SiteCandidate {
  Station site;                ///< as a station there would be; jurisdiction_ids stay empty
  std::vector<Reason> reasons; ///< why it is uncertain: distinct, in the order of Reason
};

/// Everything the extract stage produces for a corpus.
struct ClaimSet {
  std::vector<Station> stations;           ///< sorted by station_id
  std::vector<SiteCandidate> candidates;   ///< sorted by site.station_id; none at a station's place
  std::vector<Jurisdiction> jurisdictions; ///< sorted by jurisdiction_id
  std::vector<Link> links;                 ///< sorted by link_id
  /// Sorted by document, start. A deque: the merge appends a corpus's mentions (most of its claims' memory) and
  /// sorts them in place, never holding a second copy of the list as a vector's growth or a move into one would.
  std::deque<RoledMention> mentions;
  std::vector<Evidence> counts; ///< counts without places ("102 stations in 53 countries"): a report,
                                ///< never points on the map
};

} // namespace stationmap
