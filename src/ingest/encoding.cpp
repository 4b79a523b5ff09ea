#include "stationmap/ingest/encoding.hpp"

#include "stationmap/core/byte_scan.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/utf8.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <memory>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <vector>

namespace stationmap::ingest {

namespace {

constexpr std::size_t sniff_bytes = 64 * 1024;

unsigned char byte_at(std::string_view s, std::size_t i) noexcept {
  return static_cast<unsigned char>(s[i]);
}

bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.substr(0, prefix.size()) == prefix;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

/// Counts of a strict UTF-8 scan.
struct Utf8Scan {
  std::size_t multibyte = 0; // well-formed sequences of 2-4 bytes
  std::size_t invalid = 0;   // bytes that start no well-formed sequence
};

/// Length of the well-formed UTF-8 sequence at @p i, or 0 when the byte there starts none.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
  const unsigned c0 = byte_at(s, i);
  if (c0 < 0x80U) {
    return 1;
  }
  std::size_t need = 0;
  unsigned lo = 0x80U;
  unsigned hi = 0xBFU;
  if (c0 >= 0xC2U && c0 <= 0xDFU) {
    need = 1;
  } else if (c0 >= 0xE0U && c0 <= 0xEFU) {
    need = 2;
    if (c0 == 0xE0U)
      lo = 0xA0U;
    if (c0 == 0xEDU)
      hi = 0x9FU; // no surrogates
  } else if (c0 >= 0xF0U && c0 <= 0xF4U) {
    need = 3;
    if (c0 == 0xF0U)
      lo = 0x90U;
    if (c0 == 0xF4U)
      hi = 0x8FU;
  } else {
    return 0;
  }
  if (i + need >= s.size()) {
    return 0;
  }
  const unsigned c1 = byte_at(s, i + 1);
  if (c1 < lo || c1 > hi) {
    return 0;
  }
  for (std::size_t k = 2; k <= need; ++k) {
    if ((byte_at(s, i + k) & 0xC0U) != 0x80U) {
      return 0;
    }
  }
  return need + 1;
}

Utf8Scan scan_utf8(std::string_view s) noexcept {
  Utf8Scan scan;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      ++scan.invalid;
      ++i;
    } else {
      if (n > 1)
        ++scan.multibyte;
      i += n;
    }
  }
  return scan;
}

/// UTF-16 without a byte-order mark, recognised by NUL bytes on one side of each code unit (Latin text).
std::string utf16_by_nul_pattern(std::string_view bytes) {
  const std::size_t n = std::min(bytes.size(), std::size_t{4096}) & ~std::size_t{1};
  if (n < 4) {
    return {};
  }
  std::size_t even = 0;
  std::size_t odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += byte_at(bytes, i) == 0 ? 1U : 0U;
    odd += byte_at(bytes, i + 1) == 0 ? 1U : 0U;
  }
  const std::size_t units = n / 2;
  if (odd * 10 >= units * 3 && even * 20 <= units)
    return "UTF-16LE";
  if (even * 10 >= units * 3 && odd * 20 <= units)
    return "UTF-16BE";
  return {};
}

std::string bom_encoding(std::string_view bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF"))
    return "UTF-8";
  if (starts_with(bytes, "\xFF\xFE"))
    return "UTF-16LE";
  if (starts_with(bytes, "\xFE\xFF"))
    return "UTF-16BE";
  return {};
}

/// Maps the names documents use to what browsers actually mean (WHATWG Encoding Standard labels).
std::string canonical_charset(std::string_view name) {
  const std::string n = lower(name);
  if (n.empty())
    return {};
  if (n == "utf-8" || n == "utf8" || n == "unicode-1-1-utf-8")
    return "UTF-8";
  if (n == "gb2312" || n == "gbk" || n == "x-gbk" || n == "cp936" || n == "gb18030" || n == "euc-cn" ||
      n == "windows-936" || n == "csgb2312" || n == "chinese") {
    return "GB18030";
  }
  if (n == "big5" || n == "big5-hkscs" || n == "cn-big5" || n == "x-x-big5" || n == "cp950")
    return "Big5";
  if (n == "shift_jis" || n == "shift-jis" || n == "sjis" || n == "x-sjis" || n == "ms932" || n == "windows-31j" ||
      n == "ms_kanji" || n == "cp932") {
    return "Shift_JIS";
  }
  if (n == "iso-8859-1" || n == "latin1" || n == "iso8859-1" || n == "us-ascii" || n == "ascii" || n == "cp1252" ||
      n == "windows-1252" || n == "l1") {
    return "windows-1252";
  }
  if (n == "utf-16le")
    return "UTF-16LE";
  if (n == "utf-16be")
    return "UTF-16BE";
  if (starts_with(n, "iso-8859-") || starts_with(n, "windows-125") || n == "euc-jp" || n == "euc-kr" || n == "koi8-r" ||
      n == "koi8-u" || n == "iso-2022-jp") {
    return std::string(name);
  }
  // Anything else ICU may still know; check.
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(std::string(name).c_str(), &status);
  if (conv != nullptr)
    ucnv_close(conv);
  return U_SUCCESS(status) ? std::string(name) : std::string();
}

struct ConverterCloser {
  void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct CountingContext {
  std::size_t errors = 0;
};

void counting_substitute(const void* context, UConverterToUnicodeArgs* args, const char* codeUnits, int32_t length,
                         UConverterCallbackReason reason, UErrorCode* err) {
  if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
    ++static_cast<CountingContext*>(const_cast<void*>(context))->errors;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteSub(args, 0, err);
    return;
  }
  (void)codeUnits;
  (void)length;
}

/// Appends UTF-16 code units as UTF-8, keeping a lead surrogate pending across calls.
void append_utf16(std::string& out, const UChar* units, std::size_t count, char32_t& pending_lead, std::size_t& nuls) {
  for (std::size_t i = 0; i < count; ++i) {
    const char32_t u = units[i];
    if (pending_lead != 0) {
      if (u >= 0xDC00 && u <= 0xDFFF) {
        utf8::append(out, 0x10000 + ((pending_lead - 0xD800) << 10U) + (u - 0xDC00));
        pending_lead = 0;
        continue;
      }
      utf8::append(out, utf8::replacement_character);
      pending_lead = 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      pending_lead = u;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      utf8::append(out, utf8::replacement_character);
    } else if (u == 0) {
      ++nuls;
    } else if (u == 0x1A) { // ICU's substitution character for single-byte code pages
      utf8::append(out, utf8::replacement_character);
    } else if (u == 0xFEFF && out.empty()) {
      // byte-order mark
    } else {
      utf8::append(out, u);
    }
  }
}

DecodedText convert_utf8(std::string_view bytes) {
  DecodedText result;
  result.encoding = "UTF-8";
  if (starts_with(bytes, "\xEF\xBB\xBF"))
    bytes.remove_prefix(3);
  result.text.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t clean = clean_utf8_length(bytes.substr(i)); // stops at a NUL or an invalid byte
    result.text.append(bytes.substr(i, clean));
    i += clean;
    if (i >= bytes.size())
      break;
    if (byte_at(bytes, i) == 0) {
      ++result.nuls_removed;
    } else {
      utf8::append(result.text, utf8::replacement_character);
      ++result.replaced;
    }
    ++i;
  }
  return result;
}

// --- plausibility of a decoding -------------------------------------------------------------------------

/// Han characters (U+4E00..U+9FFF) in the common sets of the three CJK standards: GB 2312, Big5 level 1,
/// JIS X 0208 level 1. A correct decoding of Chinese or Japanese text uses almost only these; a wrong one
/// (Big5 read as GBK, GBK read as Big5...) lands on rare characters much of the time.
const std::bitset<0x5200>& common_han() {
  static const std::bitset<0x5200> table = [] {
    std::bitset<0x5200> bits;
    UErrorCode status = U_ZERO_ERROR;
    const ConverterPtr gb(ucnv_open("GB2312", &status));
    const ConverterPtr big5(ucnv_open("Big5", &status));
    const ConverterPtr sjis(ucnv_open("Shift_JIS", &status));
    if (U_FAILURE(status))
      return bits;
    for (UConverter* c : {gb.get(), big5.get(), sjis.get()}) {
      ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    }
    for (UChar u = 0x4E00; u <= 0x9FFF; ++u) {
      std::array<char, 8> buf{};
      const auto fits = [&](UConverter* c, unsigned lo, unsigned hi) {
        UErrorCode e = U_ZERO_ERROR;
        const int32_t n = ucnv_fromUChars(c, buf.data(), static_cast<int32_t>(buf.size()), &u, 1, &e);
        ucnv_reset(c);
        const auto lead = static_cast<unsigned char>(buf[0]);
        return U_SUCCESS(e) && n == 2 && lead >= lo && lead <= hi;
      };
      if (fits(gb.get(), 0xB0, 0xF7) || fits(big5.get(), 0xA4, 0xC6) || fits(sjis.get(), 0x88, 0x98)) {
        bits.set(static_cast<std::size_t>(u - 0x4E00));
      }
    }
    return bits;
  }();
  return table;
}

double code_point_score(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 0x20 && cp < 0x7F) || cp == '\n' || cp == '\r' || cp == '\t' ? 1.0 : -2.0;
  }
  if (cp < 0xA0)
    return -3.0; // C1 controls
  if (cp < 0xC0)
    return -0.5; // Latin-1 symbols
  if (cp < 0x250)
    return cp == 0xD7 || cp == 0xF7 ? -0.5 : 0.6; // accented Latin letters
  if (cp >= 0x370 && cp < 0x700)
    return 0.7; // Greek, Cyrillic, Hebrew, Arabic
  if (cp >= 0x2000 && cp < 0x2070)
    return 0.5; // quotes, dashes
  if (cp >= 0x3000 && cp < 0x3040)
    return 1.0; // CJK punctuation
  if (cp >= 0x3040 && cp < 0x3100)
    return 0.8; // kana
  if (cp >= 0x4E00 && cp <= 0x9FFF)
    return common_han().test(cp - 0x4E00) ? 1.0 : -0.4;
  if (cp >= 0xAC00 && cp <= 0xD7A3)
    return 0.8; // Hangul
  if (cp >= 0xE000 && cp <= 0xF8FF)
    return -3.0; // private use
  if (cp >= 0xFF01 && cp <= 0xFF5E)
    return 0.5; // fullwidth ASCII
  if (cp >= 0xFF61 && cp <= 0xFF9F)
    return -1.0; // halfwidth katakana
  if (cp == utf8::replacement_character)
    return -4.0;
  return -0.3;
}

double plausibility(std::string_view utf8_text) {
  double total = 0;
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < utf8_text.size();) {
    const char32_t cp = utf8::decode(utf8_text, pos);
    if (cp < 0x80 && cp != 0) {
      continue; // ASCII is the same in every candidate; judge the rest
    }
    total += code_point_score(cp);
    ++count;
  }
  return count == 0 ? 1.0 : total / static_cast<double>(count);
}

std::string detect_statistically(std::string_view bytes, const std::string& declared) {
  const std::string_view sample = bytes.substr(0, sniff_bytes);
  struct Candidate {
    std::string name;
    double score;
  };
  std::vector<Candidate> candidates;
  const auto consider = [&](const std::string& name, double confidence) {
    if (name.empty())
      return;
    for (const auto& c : candidates) {
      if (c.name == name)
        return;
    }
    DecodedText decoded;
    try {
      decoded = convert_to_utf8(sample, name);
    } catch (const Error&) {
      return;
    }
    double score = plausibility(decoded.text) + 0.5 * confidence;
    // A few errors at the very end can be a multi-byte character cut by the sample.
    if (decoded.replaced > (sample.size() < bytes.size() ? 1U : 0U))
      score -= 0.5;
    candidates.push_back({name, score});
  };
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector, sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t found = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector, &found, &status);
    if (U_SUCCESS(status)) {
      for (int32_t i = 0; i < found && i < 8; ++i) {
        UErrorCode e = U_ZERO_ERROR;
        const char* name = ucsdet_getName(matches[i], &e);
        const int32_t confidence = ucsdet_getConfidence(matches[i], &e);
        if (U_FAILURE(e) || name == nullptr || confidence < 10)
          continue;
        const std::string canonical = canonical_charset(name);
        if (canonical == "UTF-8" || starts_with(canonical, "UTF-16") || starts_with(canonical, "UTF-32")) {
          continue; // ruled out already
        }
        consider(canonical, confidence / 100.0);
      }
    }
    ucsdet_close(detector);
  }
  if (!declared.empty() && declared != "UTF-8")
    consider(declared, 0.6);
  // The usual suspects for this corpus, in case the detector's sample was too short to rank them.
  for (const char* name : {"GB18030", "Big5", "Shift_JIS", "windows-1252"})
    consider(name, 0.0);
  const auto best = std::max_element(candidates.begin(), candidates.end(),
                                     [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
  return best == candidates.end() ? std::string("windows-1252") : best->name;
}

} // namespace

std::optional<std::string> binary_reason(std::string_view bytes) {
  static const std::array<std::pair<std::string_view, const char*>, 17> magic{{
      {"\x89PNG", "PNG image"},
      {"\xFF\xD8\xFF", "JPEG image"},
      {"GIF8", "GIF image"},
      {"PK\x03\x04", "ZIP archive or office document"},
      {"\x1F\x8B", "gzip archive"},
      {"\x7F"
       "ELF",
       "executable"},
      {"MZ", "Windows executable"},
      {"\xD0\xCF\x11\xE0", "legacy Microsoft Office document"},
      {"RIFF", "audio or video"},
      {"OggS", "audio"},
      {"ID3", "MP3 audio"},
      {"\x1A\x45\xDF\xA3", "video"},
      {"7z\xBC\xAF", "7-Zip archive"},
      {"Rar!", "RAR archive"},
      {"BZh", "bzip2 archive"},
      {"\xFD"
       "7zXZ",
       "xz archive"},
      {"SQLite format 3", "SQLite database"},
  }};
  for (const auto& [prefix, what] : magic) {
    if (starts_with(bytes, prefix)) {
      if (prefix == "MZ" || prefix == "BZh" || prefix == "ID3") {
        // short magics: only when the rest also looks binary
        if (bytes.substr(0, 512).find('\0') == std::string_view::npos)
          continue;
      }
      return std::string("binary file (") + what + ")";
    }
  }
  if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp")
    return std::string("binary file (MP4 video or image)");
  const std::string_view sample = bytes.substr(0, sniff_bytes);
  if (!bom_encoding(sample).empty() && bom_encoding(sample) != "UTF-8")
    return std::nullopt;
  if (!utf16_by_nul_pattern(sample).empty())
    return std::nullopt;
  std::size_t controls = 0;
  for (const char ch : sample) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) || c == 0x7F)
      ++controls;
  }
  if (!sample.empty() && controls * 10 > sample.size()) {
    return "binary data (" + std::to_string(controls * 100 / sample.size()) +
           "% NUL and control bytes), not a text document";
  }
  return std::nullopt;
}

std::string declared_charset(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, 4096));
  std::size_t pos = 0;
  const auto value_after = [&](std::size_t at) -> std::string {
    while (at < head.size() && (head[at] == ' ' || head[at] == '=' || head[at] == '"' || head[at] == '\''))
      ++at;
    std::size_t end = at;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) != 0 || head[end] == '-' ||
                                 head[end] == '_' || head[end] == '.' || head[end] == ':')) {
      ++end;
    }
    return head.substr(at, end - at);
  };
  if (starts_with(head, "<?xml")) {
    const std::size_t end = head.find("?>");
    const std::size_t enc = head.find("encoding", 0);
    if (enc != std::string::npos && enc < end)
      return value_after(enc + 8);
  }
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    const std::size_t end = head.find('>', pos);
    const std::string tag = head.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    const std::size_t cs = tag.find("charset");
    if (cs != std::string::npos) {
      std::string value = value_after(pos + cs + 7);
      if (!value.empty())
        return value;
    }
    pos += 5;
  }
  return {};
}

std::string detect_encoding(std::string_view bytes, std::string_view declared) {
  if (std::string bom = bom_encoding(bytes); !bom.empty())
    return bom;
  if (std::string utf16 = utf16_by_nul_pattern(bytes); !utf16.empty())
    return utf16;
  const Utf8Scan scan = scan_utf8(bytes);
  if (scan.invalid == 0)
    return "UTF-8";
  // Real UTF-8 with a few broken sequences: many well-formed multi-byte sequences, few bad bytes. Legacy
  // CJK text only forms well-formed UTF-8 sequences by accident, next to many invalid ones.
  if (scan.multibyte >= 4 && scan.invalid * 8 <= scan.multibyte)
    return "UTF-8";
  const std::string declared_name = canonical_charset(declared);
  if (!declared_name.empty() && declared_name != "UTF-8" && !starts_with(declared_name, "UTF-16")) {
    try {
      const DecodedText trial = convert_to_utf8(bytes.substr(0, sniff_bytes), declared_name);
      if (trial.replaced <= 1 && plausibility(trial.text) > 0.5)
        return declared_name;
    } catch (const Error&) {
      // unknown name: fall through to detection
    }
  }
  return detect_statistically(bytes, declared_name);
}

std::size_t clean_utf8_length(std::string_view bytes) noexcept {
  std::size_t i = 0;
  while (i < bytes.size()) {
    i += byte_scan::first_non_ascii_or_nul(bytes.substr(i)); // runs of ASCII 8 bytes at a time
    const std::size_t n = i < bytes.size() && byte_at(bytes, i) != 0 ? utf8_sequence_length(bytes, i) : 0;
    if (n == 0) {
      break;
    }
    i += n;
  }
  return i;
}

DecodedText convert_to_utf8(std::string_view bytes, std::string_view encoding) {
  if (encoding == "UTF-8")
    return convert_utf8(bytes);
  UErrorCode status = U_ZERO_ERROR;
  const ConverterPtr conv(ucnv_open(std::string(encoding).c_str(), &status));
  if (U_FAILURE(status) || !conv) {
    throw FormatError("unknown character encoding \"" + std::string(encoding) + "\"");
  }
  DecodedText result;
  result.encoding = std::string(encoding);
  if ((encoding == "UTF-16LE" && starts_with(bytes, "\xFF\xFE")) ||
      (encoding == "UTF-16BE" && starts_with(bytes, "\xFE\xFF"))) {
    bytes.remove_prefix(2);
  }
  CountingContext context;
  status = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv.get(), counting_substitute, &context, nullptr, nullptr, &status);
  result.text.reserve(bytes.size() + bytes.size() / 2);
  std::vector<UChar> buffer(32 * 1024);
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  char32_t pending_lead = 0;
  for (;;) {
    UChar* target = buffer.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buffer.data() + buffer.size(), &source, source_end, nullptr, true, &status);
    append_utf16(result.text, buffer.data(), static_cast<std::size_t>(target - buffer.data()), pending_lead,
                 result.nuls_removed);
    if (status == U_BUFFER_OVERFLOW_ERROR)
      continue;
    if (U_FAILURE(status)) {
      throw FormatError("cannot decode as " + std::string(encoding) + ": " + u_errorName(status));
    }
    break;
  }
  if (pending_lead != 0)
    utf8::append(result.text, utf8::replacement_character);
  result.replaced = context.errors;
  return result;
}

DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared) {
  return convert_to_utf8(bytes, detect_encoding(bytes, declared));
}

} // namespace stationmap::ingest
