// Segmentation pass: the document's sentences (segmenter.hpp) as ranges of its tokens, with their mentions.

#include "passes.hpp"
#include "stationmap/core/utf8.hpp"

#include <algorithm>
#include <string_view>

namespace stationmap::passes {

namespace {

/// Byte offsets of code points, read forward through a text (sentences come in text order).
class ByteOffsets {
public:
  explicit ByteOffsets(std::string_view text) : m_text(text) {}
  std::uint32_t at(std::uint32_t code_point) {
    if (code_point < m_cp) {
      m_pos = 0;
      m_cp = 0;
    }
    while (m_cp < code_point && m_pos < m_text.size()) {
      utf8::decode(m_text, m_pos);
      ++m_cp;
    }
    return static_cast<std::uint32_t>(m_pos);
  }

private:
  std::string_view m_text;
  std::size_t m_pos = 0;
  std::uint32_t m_cp = 0;
};

/// The tokens of @p s: those inside its code point range.
SentenceTokens tokens_of(const TokenizedText& tt, const Sentence& s, std::uint32_t byte_base) {
  const auto& tokens = tt.tokens;
  const auto first =
      static_cast<std::size_t>(std::lower_bound(tokens.begin(), tokens.end(), s.start,
                                                [](const Token& t, std::uint32_t cp) { return t.start < cp; }) -
                               tokens.begin());
  std::size_t end = first;
  while (end < tokens.size() && tokens[end].end <= s.end) {
    ++end;
  }
  return {tt, first, end, s.start, byte_base};
}

/// The mentions inside @p s, with their token ranges in it.
std::vector<Local> mentions_of(const std::vector<Mention>& mentions, const Sentence& s, const SentenceTokens& st) {
  std::vector<Local> locals;
  for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
    const Mention& m = mentions[mi];
    if (m.start < s.start || m.end > s.end) {
      continue;
    }
    Local l{mi, SIZE_MAX, 0};
    for (std::size_t t = 0; t < st.size(); ++t) {
      const std::uint32_t ts = s.start + st.token(t).start;
      const std::uint32_t te = s.start + st.token(t).end;
      if (ts >= m.start && te <= m.end) {
        l.first = std::min(l.first, t);
        l.last = t;
      }
    }
    if (l.first != SIZE_MAX) {
      locals.push_back(l);
    }
  }
  return locals;
}

} // namespace

void segment_sentences(AnnotatedDocument& doc) {
  ByteOffsets bytes(doc.document.text);
  for (Sentence& s : segment(doc.document)) {
    AnnotatedSentence a;
    a.tokens = tokens_of(doc.tokens, s, bytes.at(s.start));
    a.locals = mentions_of(doc.mentions, s, a.tokens);
    const SentenceRef text = share_sentence(s.text);
    for (const Local& l : a.locals) {
      doc.role(l.mention).sentence_text = text;
    }
    a.sentence = std::move(s);
    doc.about_stations = doc.about_stations || has_station_cue(a.tokens);
    doc.sentences.push_back(std::move(a));
  }
  for (const Mention& m : doc.mentions) {
    if (m.place) {
      doc.named_countries[m.place->country].insert(m.place->index);
    }
  }
}

} // namespace stationmap::passes
