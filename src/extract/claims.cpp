// Status and reason names: the one spelling every output writes.

#include "stationmap/extract/claims.hpp"

#include "stationmap/core/enum_names.hpp"
#include "stationmap/extract/ids.hpp"

#include <algorithm>

namespace stationmap {

namespace {

/// The statuses' names, in the order of the enum.
constexpr auto status_names = enum_names(Status::Alleged, {"closed", "ordered closed", "under investigation",
                                                           "confirmed", "denied", "suspected", "alleged"});

} // namespace

std::string_view status_name(Status status) {
  return status_names(status);
}

std::optional<Status> parse_status(std::string_view name) {
  return status_names.parse(name);
}

namespace {

struct ReasonNames {
  std::string_view code;
  std::string_view description;
};

ReasonNames names_of(Reason reason) {
  switch (reason) {
  case Reason::StationCue:
    return {"station_cue", "station cue"};
  case Reason::TableRow:
    return {"table_row", "row of a table of stations"};
  case Reason::WithJurisdiction:
    return {"with_jurisdiction", "named beside a home jurisdiction"};
  case Reason::DistrictOfCity:
    return {"district_of_city", "district of its city"};
  case Reason::PoliceCue:
    return {"police_cue", "police cue"};
  case Reason::EnumerationMember:
    return {"enumeration_member", "listed with a jurisdiction"};
  case Reason::NoCue:
    return {"no_cue", "no station or police cue"};
  case Reason::Unresolved:
    return {"unresolved", "unresolved"};
  case Reason::Byline:
    return {"byline", "byline"};
  case Reason::Navigation:
    return {"navigation", "navigation"};
  case Reason::Caption:
    return {"caption", "caption"};
  case Reason::Dateline:
    return {"dateline", "dateline"};
  case Reason::HomeSide:
    return {"home_side", "home side"};
  case Reason::Metonymy:
    return {"metonymy", "government metonymy"};
  case Reason::FacilityName:
    return {"facility_name", "facility name"};
  case Reason::SpeakerLocation:
    return {"speaker_location", "speaker's location"};
  case Reason::ChinaWithoutPoliceCue:
    return {"china_without_police_cue", "in China, not tied to a police cue"};
  case Reason::NestedJurisdiction:
    return {"nested_jurisdiction", "district of a jurisdiction named beside it"};
  case Reason::NotASiteFeature:
    return {"not_a_site_feature", "a feature that hosts no station"};
  case Reason::OrganisationBase:
    return {"organisation_base", "organisation base"};
  case Reason::DiplomaticMission:
    return {"diplomatic_mission", "diplomatic mission"};
  case Reason::FoundNoStation:
    return {"found_no_station", "found no station"};
  case Reason::Question:
    return {"question", "hypothetical"};
  case Reason::Namesake:
    return {"namesake", "small place in a country the document does not name"};
  case Reason::UncertainName:
    return {"uncertain_name", "uncertain place name"};
  case Reason::QualifierOfSite:
    return {"qualifier_of_site", "qualifier of a site"};
  case Reason::FinerSite:
    return {"finer_site", "contains a finer site"};
  case Reason::RejectedByAnalyst:
    return {"rejected_by_analyst", "rejected by an analyst"};
  }
  return {"no_cue", "no station or police cue"};
}

} // namespace

std::string_view reason_code(Reason reason) {
  return names_of(reason).code;
}

std::string_view reason_description(Reason reason) {
  return names_of(reason).description;
}

MentionRole role_of_reason(Reason reason) {
  if (reason <= Reason::DistrictOfCity) {
    return MentionRole::Station;
  }
  if (reason <= Reason::EnumerationMember) {
    return MentionRole::Jurisdiction;
  }
  return reason == Reason::RejectedByAnalyst ? MentionRole::Rejected : MentionRole::Other;
}

std::optional<Reason> parse_reason(std::string_view code) {
  const auto it =
      std::find_if(all_reasons.begin(), all_reasons.end(), [code](Reason r) { return reason_code(r) == code; });
  return it == all_reasons.end() ? std::nullopt : std::optional<Reason>(*it);
}

namespace {

const std::string& empty_text() {
  static const std::string empty;
  return empty;
}

const DocumentInfo& info_of(const DocumentRef& source) {
  static const DocumentInfo none;
  return source ? *source : none;
}

} // namespace

DocumentRef share_document(DocumentInfo document) {
  return std::make_shared<const DocumentInfo>(std::move(document));
}

SentenceRef share_sentence(std::string text) {
  return std::make_shared<const std::string>(std::move(text));
}

const std::string& Evidence::document() const {
  return info_of(source).id;
}
const std::string& Evidence::title() const {
  return info_of(source).title;
}
const std::string& Evidence::url() const {
  return info_of(source).url;
}
const std::string& Evidence::date() const {
  return info_of(source).date;
}
const std::string& Evidence::sentence() const {
  return text ? *text : empty_text();
}

Evidence Evidence::of(DocumentInfo document, std::string sentence, std::uint32_t start, std::uint32_t end) {
  return {share_document(std::move(document)), share_sentence(std::move(sentence)), start, end};
}

const std::string& RoledMention::document() const {
  return info_of(source).id;
}
const Place& RoledMention::place() const {
  static const Place none;
  return resolved_place ? *resolved_place : none;
}
std::string RoledMention::place_id() const {
  return resolved_place ? place_id_of(*resolved_place) : std::string();
}
const std::string& RoledMention::sentence() const {
  return sentence_text ? *sentence_text : empty_text();
}

namespace {

const MentionNotes& no_notes() {
  static const MentionNotes none;
  return none;
}

} // namespace

const std::string& RoledMention::note() const {
  return (notes ? *notes : no_notes()).note;
}
const std::vector<CorrectionRef>& RoledMention::corrections() const {
  return (notes ? *notes : no_notes()).corrections;
}
void RoledMention::set_notes(MentionNotes n) {
  notes = n.note.empty() && n.corrections.empty() ? nullptr : std::make_shared<const MentionNotes>(std::move(n));
}
void RoledMention::set_note(std::string note) {
  MentionNotes n = notes ? *notes : MentionNotes{};
  n.note = std::move(note);
  set_notes(std::move(n));
}
void RoledMention::add_correction(const CorrectionRef& ref) {
  const std::vector<CorrectionRef>& refs = corrections();
  if (std::any_of(refs.begin(), refs.end(), [&](const CorrectionRef& r) { return r.row == ref.row; })) {
    return;
  }
  MentionNotes n = notes ? *notes : MentionNotes{};
  n.corrections.push_back(ref);
  set_notes(std::move(n));
}

std::string reason_text(const RoledMention& m) {
  if (m.reason == Reason::RejectedByAnalyst && !m.note().empty()) {
    return m.note();
  }
  std::string out(reason_description(m.reason));
  if (!m.note().empty()) {
    out += ": " + m.note();
  }
  return out;
}

} // namespace stationmap
