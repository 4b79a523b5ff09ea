#include "cues.hpp"

#include "stationmap/lexicon/lexicon.hpp"

#include <array>

namespace stationmap::cues {

const std::vector<std::string_view>& station() {
  return lexicon::phrases("station");
}
const std::vector<std::string_view>& police() {
  return lexicon::phrases("police");
}
const std::vector<std::string_view>& tie() {
  return lexicon::phrases("tie");
}
const std::vector<std::string_view>& police_preposition() {
  return lexicon::phrases("police_preposition");
}
const std::vector<std::string_view>& negation() {
  return lexicon::phrases("negation");
}
const std::vector<std::string_view>& not_found() {
  return lexicon::phrases("not_found");
}
const std::vector<std::string_view>& hypothetical() {
  return lexicon::phrases("hypothetical");
}
const std::vector<std::string_view>& clause_boundary() {
  return lexicon::phrases("clause_boundary");
}
const std::vector<std::string_view>& conditional() {
  return lexicon::phrases("conditional");
}
const std::vector<std::string_view>& base() {
  return lexicon::phrases("base");
}
const std::vector<std::string_view>& mission() {
  return lexicon::phrases("mission");
}
const std::vector<std::string_view>& home_side() {
  return lexicon::phrases("home_side");
}
const std::vector<std::string_view>& metonymy_verb() {
  return lexicon::phrases("metonymy_verb");
}
const std::vector<std::string_view>& coordination() {
  return lexicon::phrases("coordination");
}
const std::vector<std::string_view>& network() {
  return lexicon::phrases("network");
}
const std::vector<std::string_view>& ordinal_anaphor() {
  return lexicon::phrases("ordinal_anaphor");
}
const std::vector<std::string_view>& speaker_place() {
  return lexicon::phrases("speaker_place");
}
const std::vector<std::string_view>& speech_verb() {
  return lexicon::phrases("speech_verb");
}
const std::vector<std::string_view>& region_article() {
  return lexicon::phrases("region_article");
}
const std::vector<std::string_view>& particles() {
  return lexicon::phrases("particles");
}

const std::vector<StatusCue>& status() {
  // One cue per status a sentence can state, in the one Status order (claims.hpp): a sentence that says both
  // "investigated" and "closed" gives "closed". The phrases come from the lexicons' status tables.
  static const std::vector<StatusCue> cues = [] {
    std::vector<StatusCue> out;
    for (const Status status : all_statuses) {
      StatusCue cue{status, {}};
      for (const auto& [name, phrase] : lexicon::table("status")) {
        if (name == status_name(status)) {
          cue.phrases.emplace_back(phrase);
        }
      }
      if (!cue.phrases.empty()) {
        out.push_back(std::move(cue));
      }
    }
    return out;
  }();
  return cues;
}

} // namespace stationmap::cues
