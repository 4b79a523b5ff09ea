#include "stationmap/core/error.hpp"
#include "stationmap/ingest/encoding.hpp"
#include "test_util.hpp"

#include <gtest/gtest.h>

namespace stationmap::ingest {
namespace {

using test::fixture;

struct EncodingCase {
  const char* file;
  const char* encoding;
  const char* expected_substring;
};

class EncodingDetection : public ::testing::TestWithParam<EncodingCase> {};

TEST_P(EncodingDetection, DetectsAndDecodes) {
  const EncodingCase& c = GetParam();
  const std::string bytes = fixture(c.file);
  const DecodedText decoded = decode_to_utf8(bytes);
  EXPECT_EQ(decoded.encoding, c.encoding) << c.file;
  EXPECT_NE(decoded.text.find(c.expected_substring), std::string::npos) << c.file << ":\n" << decoded.text;
  EXPECT_EQ(decoded.replaced, 0U) << c.file;
  EXPECT_NE(decoded.text.substr(0, 3), "\xEF\xBB\xBF") << "byte-order mark kept in " << c.file;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, EncodingDetection,
                         ::testing::Values(EncodingCase{"enc_utf8.txt", "UTF-8", "警务服务站"},
                                           EncodingCase{"enc_utf8_bom.txt", "UTF-8", "警务服务站"},
                                           EncodingCase{"enc_gb18030.txt", "GB18030", "警务服务站"},
                                           EncodingCase{"enc_big5.txt", "Big5", "警務服務站"},
                                           EncodingCase{"enc_shift_jis.txt", "Shift_JIS", "警察サービスステーション"},
                                           EncodingCase{"enc_windows1252.txt", "windows-1252", "« poste de police »"},
                                           EncodingCase{"enc_utf16le_bom.txt", "UTF-16LE", "Sûreté a ouvert"},
                                           EncodingCase{"enc_utf16be_nobom.txt", "UTF-16BE", "crêpes"}));

TEST(EncodingDetection, Iso8859_2IsReadAsACentralEuropeanCodePage) {
  const DecodedText decoded = decode_to_utf8(fixture("enc_iso8859_2.txt"));
  EXPECT_NE(decoded.text.find("Łodzi"), std::string::npos) << decoded.encoding << ": " << decoded.text;
  EXPECT_NE(decoded.text.find("Gdańsku"), std::string::npos) << decoded.encoding;
}

TEST(EncodingDetection, ValidUtf8IsNeverReadAsGb18030) {
  const std::string text = "海外警务站";
  EXPECT_EQ(detect_encoding(text), "UTF-8");
  EXPECT_EQ(detect_encoding(text, "gb2312"), "UTF-8"); // even when the page claims GB2312
}

TEST(EncodingDetection, MostlyUtf8WithABrokenByteStaysUtf8) {
  std::string text = fixture("enc_utf8.txt");
  text.insert(9, "\xFF"); // one invalid byte among many valid sequences
  const DecodedText decoded = decode_to_utf8(text);
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.replaced, 1U);
  EXPECT_NE(decoded.text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(decoded.text.find("警务服务站"), std::string::npos);
}

TEST(EncodingDetection, DeclaredCharsetIsUsedWhenItDecodesCleanly) {
  const std::string bytes = fixture("enc_gbk_meta.html");
  EXPECT_EQ(declared_charset(bytes), "gb2312");
  EXPECT_EQ(detect_encoding(bytes, declared_charset(bytes)), "GB18030");
}

TEST(EncodingDetection, DeclaredCharsetForms) {
  EXPECT_EQ(declared_charset("<html><head><META CHARSET='Big5'>"), "big5");
  EXPECT_EQ(declared_charset("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><root/>"), "shift_jis");
  EXPECT_EQ(declared_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"),
            "windows-1252");
  EXPECT_EQ(declared_charset("<p>no declaration</p>"), "");
}

TEST(EncodingDetection, NulBytesAreRemovedAndCounted) {
  const DecodedText decoded = decode_to_utf8(std::string("Westhaven\0 office", 17));
  EXPECT_EQ(decoded.text, "Westhaven office");
  EXPECT_EQ(decoded.nuls_removed, 1U);
}

TEST(CleanUtf8, IsTheLengthConversionKeepsAsItIs) {
  using namespace std::string_literals;
  EXPECT_EQ(clean_utf8_length("A police station in Westhaven"), 29U) << "ASCII, several words of 8 bytes";
  EXPECT_EQ(clean_utf8_length("Gda\xC5\x84sk, \xE8\xAD\xA6\xE5\x8A\xA1 \xF0\x9F\x98\x80"), 20U) << "2, 3, 4 bytes";
  EXPECT_EQ(clean_utf8_length("Westhaven office\0 at the port"s), 16U) << "stops at a NUL after whole words";
  EXPECT_EQ(clean_utf8_length("Westhaven office in K\xFFln"), 21U) << "stops at an invalid byte";
  EXPECT_EQ(clean_utf8_length("surrogate \xED\xA0\x80"), 10U) << "no encoded surrogates";
  EXPECT_EQ(clean_utf8_length("cut short \xE8\xAD"), 10U) << "a sequence cut at the end";
  EXPECT_EQ(clean_utf8_length(""), 0U);
  for (const std::string& bytes : {"Westhaven office\0 at the port"s, "in K\xFFln and \xC0\xAF more text after it"s}) {
    const DecodedText decoded = convert_to_utf8(bytes, "UTF-8");
    EXPECT_EQ(decoded.text.substr(0, clean_utf8_length(bytes)), bytes.substr(0, clean_utf8_length(bytes)));
    EXPECT_NE(decoded.text, bytes) << "what comes after the clean part is converted";
  }
}

TEST(EncodingDetection, InvalidBytesInUtf16AreReplaced) {
  std::string bytes = "\xFF\xFE" + std::string("A\0B\0", 4) + std::string("\x00\xDC", 2); // lone low surrogate
  const DecodedText decoded = decode_to_utf8(bytes);
  EXPECT_EQ(decoded.encoding, "UTF-16LE");
  EXPECT_EQ(decoded.text.substr(0, 2), "AB");
  EXPECT_NE(decoded.text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(EncodingDetection, UnknownEncodingNameThrows) {
  EXPECT_THROW((void)convert_to_utf8("abc", "no-such-charset-x"), FormatError);
}

TEST(BinarySniffing, RecognisesBinaryFiles) {
  EXPECT_EQ(binary_reason(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)).value_or(""), "binary file (PNG image)");
  EXPECT_EQ(binary_reason(std::string("PK\x03\x04\x14\0\0\0", 8)).value_or(""),
            "binary file (ZIP archive or office document)");
  std::string noise;
  for (int i = 0; i < 4096; ++i)
    noise += static_cast<char>((i * 7919) % 256);
  const auto reason = binary_reason(noise);
  ASSERT_TRUE(reason.has_value());
  EXPECT_NE(reason->find("control bytes"), std::string::npos);
}

TEST(BinarySniffing, TextIsNotBinary) {
  EXPECT_FALSE(binary_reason("Plain words about an office in Westhaven.\n").has_value());
  EXPECT_FALSE(binary_reason(fixture("enc_utf16le_bom.txt")).has_value());
  EXPECT_FALSE(binary_reason(fixture("enc_utf16be_nobom.txt")).has_value());
  EXPECT_FALSE(binary_reason(fixture("enc_gb18030.txt")).has_value());
  EXPECT_FALSE(
      binary_reason(std::string("A text with one stray NUL\0 in it and plenty of words around it.", 63)).has_value());
}

} // namespace
} // namespace stationmap::ingest
