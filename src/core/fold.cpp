#include "stationmap/core/fold.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/utf8.hpp"

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

namespace stationmap {

namespace {

enum class CharClass : std::uint8_t { Separator, Word, Ideograph };

/// What folding does to one code point, precomputed for the Basic and Supplementary Multilingual and
/// Ideographic planes (U+0000..U+2FFFF); everything above is a separator.
struct FoldedChar {
  CharClass cls = CharClass::Separator;
  bool upper = false;
  bool lower = false;
  bool digit = false;
  std::uint8_t size = 0; ///< bytes used in text
  std::array<char, 11> text{};
};

constexpr char32_t table_size = 0x30000;

class FoldTable {
public:
  // Entries are computed on first use (most texts use a few hundred distinct code points), under a mutex,
  // and published with release/acquire so that any number of threads can read them. ASCII is eager.
  FoldTable() : m_table(table_size), m_ready(table_size) {
    UErrorCode status = U_ZERO_ERROR;
    m_nfkd = icu::Normalizer2::getNFKDInstance(status);
    if (U_FAILURE(status)) {
      throw LibraryError(std::string("ICU: cannot load NFKD data: ") + u_errorName(status));
    }
    for (char32_t cp = 0; cp < 0x80; ++cp) {
      m_table[cp] = compute(*m_nfkd, static_cast<UChar32>(cp));
      m_ready[cp].store(true, std::memory_order_relaxed);
    }
  }

  [[nodiscard]] const FoldedChar& operator[](char32_t cp) const {
    static const FoldedChar separator{};
    if (cp >= table_size) {
      return separator;
    }
    if (!m_ready[cp].load(std::memory_order_acquire)) {
      fill(cp);
    }
    return m_table[cp];
  }

private:
  void fill(char32_t cp) const {
    const std::lock_guard lock(m_mutex);
    if (m_ready[cp].load(std::memory_order_relaxed)) {
      return;
    }
    FoldedChar fc = compute(*m_nfkd, static_cast<UChar32>(cp));
    // Traditional Chinese characters fold to their simplified forms (紐約 = 纽约), one character at a time.
    if (fc.cls == CharClass::Ideograph && is_han(static_cast<UChar32>(cp))) {
      if (!m_simplify_tried) {
        m_simplify_tried = true;
        UErrorCode status = U_ZERO_ERROR;
        m_simplify.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) {
          m_simplify.reset();
        }
      }
      if (m_simplify) {
        icu::UnicodeString s(static_cast<UChar32>(cp));
        m_simplify->transliterate(s);
        if (s.length() > 0 && s.countChar32() == 1 && s.char32At(0) != static_cast<UChar32>(cp)) {
          std::string folded;
          utf8::append(folded, static_cast<char32_t>(s.char32At(0)));
          fc.size = static_cast<std::uint8_t>(folded.size());
          std::copy(folded.begin(), folded.end(), fc.text.begin());
        }
      }
    }
    m_table[cp] = fc;
    m_ready[cp].store(true, std::memory_order_release);
  }

  static bool is_han(UChar32 cp) {
    return static_cast<UScriptCode>(u_getIntPropertyValue(cp, UCHAR_SCRIPT)) == USCRIPT_HAN;
  }

  static bool is_ideograph(UChar32 cp) {
    if (u_hasBinaryProperty(cp, UCHAR_IDEOGRAPHIC) != 0) {
      return true;
    }
    const auto script = static_cast<UScriptCode>(u_getIntPropertyValue(cp, UCHAR_SCRIPT));
    return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_HAN;
  }

  static FoldedChar compute(const icu::Normalizer2& nfkd, UChar32 cp) {
    FoldedChar out;
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      return out;
    }
    const auto type = static_cast<UCharCategory>(u_charType(cp));
    const bool letter = type == U_UPPERCASE_LETTER || type == U_LOWERCASE_LETTER || type == U_TITLECASE_LETTER ||
                        type == U_MODIFIER_LETTER || type == U_OTHER_LETTER;
    const bool mark = type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
    const bool digit = type == U_DECIMAL_DIGIT_NUMBER;
    if (!letter && !mark && !digit) {
      return out;
    }
    out.cls = is_ideograph(cp) ? CharClass::Ideograph : CharClass::Word;
    out.upper = type == U_UPPERCASE_LETTER || type == U_TITLECASE_LETTER;
    out.lower = type == U_LOWERCASE_LETTER;
    out.digit = digit;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed = nfkd.normalize(icu::UnicodeString(cp), status);
    if (U_FAILURE(status)) {
      decomposed = icu::UnicodeString(cp);
    }
    std::string folded;
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 part = decomposed.char32At(i);
      i += U16_LENGTH(part);
      const auto part_type = static_cast<UCharCategory>(u_charType(part));
      if (part_type == U_NON_SPACING_MARK || part_type == U_ENCLOSING_MARK) {
        continue; // diacritics: "é" -> "e"
      }
      const UChar32 lower = u_foldCase(part, U_FOLD_CASE_DEFAULT);
      if (u_isalnum(lower) == 0 && u_charType(lower) != U_COMBINING_SPACING_MARK) {
        continue; // compatibility forms may decompose into punctuation or spaces: drop them
      }
      utf8::append(folded, static_cast<char32_t>(lower));
    }
    if (cp == 0x00DF) {
      folded = "ss"; // German sharp s, which NFKD keeps
    }
    if (folded.size() > out.text.size()) {
      folded.resize(0);
      utf8::append(folded, static_cast<char32_t>(u_foldCase(cp, U_FOLD_CASE_DEFAULT)));
    }
    out.size = static_cast<std::uint8_t>(folded.size());
    std::copy(folded.begin(), folded.end(), out.text.begin());
    return out;
  }

  const icu::Normalizer2* m_nfkd = nullptr;
  mutable std::vector<FoldedChar> m_table;
  mutable std::vector<std::atomic<bool>> m_ready;
  mutable std::mutex m_mutex;
  mutable bool m_simplify_tried = false;
  mutable std::unique_ptr<icu::Transliterator> m_simplify;
};

const FoldTable& fold_table() {
  static const FoldTable table;
  return table;
}

} // namespace

void tokenize(std::string_view text, TokenizedText& out) {
  const FoldTable& table = fold_table();
  out.tokens.clear();
  out.folded.clear();
  out.folded.reserve(text.size());
  std::uint32_t cp_index = 0;
  bool in_word = false;
  bool cased_seen = false;
  Token current;
  auto finish = [&](std::uint32_t byte_end) {
    if (!in_word) {
      return;
    }
    current.end = cp_index;
    current.byte_end = byte_end;
    current.key_end = static_cast<std::uint32_t>(out.folded.size());
    current.all_upper = current.all_upper && cased_seen;
    if (current.key_end > current.key_begin) {
      out.tokens.push_back(current);
    }
    in_word = false;
  };
  const FoldedChar* ascii = &table[0]; // ASCII entries are computed eagerly and contiguous
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte_start = static_cast<std::uint32_t>(pos);
    const auto lead = static_cast<unsigned char>(text[pos]);
    // ASCII, most of most texts, skips the decoder and the lazy-entry check.
    const FoldedChar& fc = lead < 0x80 ? ascii[lead] : table[utf8::decode(text, pos)];
    if (lead < 0x80) {
      ++pos;
    }
    if (lead < 0x80 && fc.cls == CharClass::Word && in_word) {
      // The hot path: one more ASCII letter or digit inside a word.
      if (fc.upper || fc.lower) {
        cased_seen = true;
        current.all_upper = current.all_upper && fc.upper;
      }
      current.has_digit = current.has_digit || fc.digit;
      out.folded.push_back(fc.text[0]);
      ++cp_index;
      continue;
    }
    if (fc.cls == CharClass::Separator) {
      finish(byte_start);
    } else if (fc.cls == CharClass::Ideograph) {
      finish(byte_start);
      Token t;
      t.start = cp_index;
      t.end = cp_index + 1;
      t.byte_start = byte_start;
      t.byte_end = static_cast<std::uint32_t>(pos);
      t.key_begin = static_cast<std::uint32_t>(out.folded.size());
      out.folded.append(fc.text.data(), fc.size);
      t.key_end = static_cast<std::uint32_t>(out.folded.size());
      t.ideograph = true;
      out.tokens.push_back(t);
    } else {
      if (!in_word) {
        in_word = true;
        cased_seen = false;
        current = Token{};
        current.start = cp_index;
        current.byte_start = byte_start;
        current.key_begin = static_cast<std::uint32_t>(out.folded.size());
        current.capitalized = fc.upper;
        current.all_upper = true;
      }
      if (fc.upper || fc.lower) {
        cased_seen = true;
        current.all_upper = current.all_upper && fc.upper;
      }
      current.has_digit = current.has_digit || fc.digit;
      out.folded.append(fc.text.data(), fc.size);
    }
    ++cp_index;
  }
  finish(static_cast<std::uint32_t>(text.size()));
}

std::string fold_key(std::string_view text) {
  TokenizedText tt;
  tokenize(text, tt);
  std::string key;
  key.reserve(tt.folded.size() + tt.tokens.size());
  for (const Token& t : tt.tokens) {
    if (!key.empty()) {
      key.push_back(' ');
    }
    key.append(tt.key(t));
  }
  return key;
}

} // namespace stationmap
