// Status pass: what each read sentence states.

#include "../cues.hpp"
#include "passes.hpp"
#include "stationmap/extract/dates.hpp"

namespace stationmap::passes {

namespace {

/// The strongest status a sentence states, if any.
std::optional<Status> status_of(const SentenceTokens& st) {
  std::optional<Status> best;
  for (const auto& cue : cues::status()) {
    if ((!best || stronger(cue.status, *best)) && st.contains(cue.phrases)) {
      best = cue.status;
    }
  }
  return best;
}

/// The first date the sentence gives, over its folded words.
std::string date_of(const SentenceTokens& st) {
  std::vector<std::string_view> words;
  words.reserve(st.size());
  for (std::size_t i = 0; i < st.size(); ++i) {
    words.push_back(st.key(i));
  }
  return find_date_in_words(words).value_or("");
}

/// Words from the start of a sentence within which an ordinal anaphor is read ("La segunda se encuentra...",
/// "Selon l'ONG, le second ...").
constexpr std::size_t kAnaphorWindow = 3;

/// "The second is above a shop in Leeds": in a document about stations, a sentence that opens by picking out one
/// member of a list named before speaks of a station.
bool opens_with_ordinal_anaphor(const SentenceTokens& st) {
  for (std::size_t i = 0; i < st.size() && i < kAnaphorWindow; ++i) {
    if (st.any_at(i, cues::ordinal_anaphor()) > 0) {
      return true;
    }
  }
  return false;
}

/// The clauses of @p s that say officials found nothing there. A finding applies to the places of its own clause
/// ("Sydney - under review; Perth - police found no such office"); a clause that names no place refers to the
/// whole sentence ("Poland: checks are under way; none has been identified").
std::set<std::size_t> clauses_found_empty(const AnnotatedSentence& s) {
  const SentenceTokens& st = s.tokens;
  std::set<std::size_t> with_places;
  for (const Local& l : s.locals) {
    with_places.insert(clause_of_token(s, l.first));
  }
  std::set<std::size_t> out;
  for (std::size_t i = 0; i < st.size(); ++i) {
    if (st.any_at(i, cues::not_found()) == 0) {
      continue;
    }
    const std::size_t clause = clause_of_token(s, i);
    if (with_places.count(clause) == 0) {
      return with_places; // the finding speaks of every place of the sentence
    }
    out.insert(clause);
  }
  return out;
}

} // namespace

void read_statements(AnnotatedDocument& doc) {
  doc.for_each_read_sentence([&](AnnotatedSentence& s) {
    const SentenceTokens& st = s.tokens;
    s.not_found_clauses = clauses_found_empty(s);
    s.not_found = !s.not_found_clauses.empty();
    s.negated = s.not_found || st.contains(cues::negation());
    s.status = status_of(st);
    if (s.status) {
      s.date = date_of(st);
    }
    s.station_cue = has_station_cue(st) || (doc.about_stations && opens_with_ordinal_anaphor(st));
    s.tie = st.contains(cues::tie()) || s.sentence.kind == BlockKind::Table;
    s.network = st.contains(cues::network());
  });
}

} // namespace stationmap::passes
