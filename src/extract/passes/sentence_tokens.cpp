#include "sentence_tokens.hpp"

#include "../cues.hpp"

#include <algorithm>

namespace stationmap::passes {

namespace {

/// Whether token @p key is @p word, or @p word with a glued particle (Korean 거점이 for 거점).
bool word_matches(std::string_view key, std::string_view word) {
  if (key == word) {
    return true;
  }
  if (key.size() <= word.size() || key.substr(0, word.size()) != word) {
    return false;
  }
  const auto& particles = cues::particles();
  return std::binary_search(particles.begin(), particles.end(), key.substr(word.size()));
}

} // namespace

Token SentenceTokens::token(std::size_t i) const {
  Token t = m_text->tokens[m_first + i];
  t.start -= m_cp_base;
  t.end -= m_cp_base;
  t.byte_start -= m_byte_base;
  t.byte_end -= m_byte_base;
  return t;
}

std::size_t SentenceTokens::phrase_at(std::size_t i, std::string_view phrase) const {
  std::size_t n = 0;
  std::size_t pos = 0;
  while (pos <= phrase.size()) {
    const std::size_t sp = phrase.find(' ', pos);
    const std::string_view word = phrase.substr(pos, sp == std::string_view::npos ? phrase.npos : sp - pos);
    if (i + n >= size() || !word_matches(key(i + n), word)) {
      return 0;
    }
    ++n;
    if (sp == std::string_view::npos) {
      break;
    }
    pos = sp + 1;
  }
  return n;
}

std::size_t SentenceTokens::any_at(std::size_t i, const std::vector<std::string_view>& phrases) const {
  std::size_t best = 0;
  for (const auto& p : phrases) {
    best = std::max(best, phrase_at(i, p));
  }
  return best;
}

bool SentenceTokens::contains(const std::vector<std::string_view>& phrases) const {
  for (std::size_t i = 0; i < size(); ++i) {
    if (any_at(i, phrases) > 0) {
      return true;
    }
  }
  return false;
}

bool SentenceTokens::before(std::size_t i, const std::vector<std::string_view>& phrases, std::size_t window) const {
  for (std::size_t s = i > window + 3 ? i - window - 3 : 0; s < i; ++s) {
    const std::size_t len = any_at(s, phrases);
    if (len > 0 && s + len <= i && i - (s + len) <= window) {
      return true;
    }
  }
  return false;
}

std::string SentenceTokens::keys_between(std::size_t a, std::size_t b) const {
  std::string out;
  for (std::size_t i = a + 1; i < b; ++i) {
    if (!out.empty()) {
      out += ' ';
    }
    out += key(i);
  }
  return out;
}

bool is_station_word_at(const SentenceTokens& st, std::size_t i, std::size_t& len) {
  len = st.any_at(i, cues::station());
  if (len == 0) {
    return false;
  }
  // "Beijing Station", "Union Station": a capitalised Station after a name is a facility's name.
  if (!st.token(i).ideograph && st.token(i).capitalized && i > 0 && st.token(i - 1).capitalized &&
      (st.key(i) == "station" || st.key(i) == "stations")) {
    return false;
  }
  // A lone 站 after a place name is a railway station (北京站) unless the sentence speaks of police (警).
  if (len == 1 && st.key(i) == "站") {
    for (std::size_t t = 0; t < st.size(); ++t) {
      if (st.key(t) == "警") {
        return true;
      }
    }
    return false;
  }
  return true;
}

namespace {

/// Whether token @p i lies inside a phrase of @p phrases: "sede" in "ha sede a Madrid" (an organisation's base).
bool inside_phrase(const SentenceTokens& st, std::size_t i, const std::vector<std::string_view>& phrases) {
  for (std::size_t j = i > 2 ? i - 2 : 0; j <= i; ++j) {
    if (j + st.any_at(j, phrases) > i) {
      return true;
    }
  }
  return false;
}

} // namespace

bool has_station_cue(const SentenceTokens& st) {
  for (std::size_t i = 0; i < st.size(); ++i) {
    std::size_t len = 0;
    if (is_station_word_at(st, i, len) && !inside_phrase(st, i, cues::base())) {
      return true;
    }
  }
  return false;
}

std::string gap_between(const std::string& sentence, const Token& a, const Token& b) {
  if (b.byte_start <= a.byte_end) {
    return "";
  }
  return sentence.substr(a.byte_end, b.byte_start - a.byte_end);
}

bool is_coordination(const std::string& gap, const std::string& folded) {
  if (folded.empty()) {
    // , or 、 or ; ("Dublin, Ireland; Vienna, Austria")
    return gap.find_first_of(",;") != std::string::npos || gap.find("\xE3\x80\x81") != std::string::npos;
  }
  const auto& words = cues::coordination();
  return std::find(words.begin(), words.end(), folded) != words.end();
}

std::size_t clause_at(const std::string& sentence, std::size_t byte) {
  const std::string_view before = std::string_view(sentence).substr(0, std::min(byte, sentence.size()));
  std::size_t n = static_cast<std::size_t>(std::count(before.begin(), before.end(), ';'));
  for (std::size_t pos = before.find("\xEF\xBC\x9B"); pos != std::string_view::npos;
       pos = before.find("\xEF\xBC\x9B", pos + 3)) {
    ++n;
  }
  return n;
}

bool is_chain_gap(const std::string& gap, const std::string& folded) {
  if (!folded.empty()) {
    return false;
  }
  return gap.find_first_not_of(" ,()\xEF\xBC\x88\xEF\xBC\x89") == std::string::npos;
}

} // namespace stationmap::passes
