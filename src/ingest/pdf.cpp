// PDF text with poppler-cpp.

#include "stationmap/ingest/pdf.hpp"

#include "document_builder.hpp"
#include "stationmap/core/error.hpp"

#include <ctime>
#include <memory>
#include <mutex>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <string>
#include <vector>

namespace stationmap::ingest {

namespace {

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    // poppler prints every complaint about a damaged file to stderr; we report problems ourselves.
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

std::string to_utf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

bool only_digits(std::string_view line) {
  std::size_t digits = 0;
  for (const char c : line) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '\t' && c != '-' && c != '/') {
      return false;
    }
  }
  return digits > 0 && digits <= 4;
}

/// Cleans one page: joins "sta-\ntion", drops page-number lines, keeps blank lines as paragraph breaks.
std::string clean_page(std::string text) {
  detail::normalize_newlines(text);
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos)
      end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    while (!line.empty() && detail::is_space(line.back()))
      line.remove_suffix(1);
    if (only_digits(line))
      line = {};
    const bool joined = out.size() >= 2 && out.back() == '-' &&
                        static_cast<unsigned char>(out[out.size() - 2]) >= 'a' &&
                        static_cast<unsigned char>(out[out.size() - 2]) <= 'z' && !line.empty() &&
                        line.front() >= 'a' && line.front() <= 'z';
    if (joined) {
      out.pop_back();
      while (!line.empty() && line.front() == ' ')
        line.remove_prefix(1);
    } else if (pos > 0) {
      out += '\n';
    }
    out.append(line);
    pos = end + 1;
  }
  return out;
}

} // namespace

void extract_pdf(std::string_view bytes, Document& doc) {
  silence_poppler();
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), INT32_MAX))));
  if (!pdf)
    throw FormatError("damaged PDF: poppler cannot open it");
  if (pdf->is_locked())
    throw FormatError("the PDF is password-protected");
  detail::DocumentBuilder builder(doc);
  const int pages = pdf->pages();
  std::size_t letters = 0;
  for (int i = 0; i < pages; ++i) {
    const std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page)
      continue;
    const std::string text =
        clean_page(to_utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)));
    for (const char c : text)
      letters += detail::is_space(c) ? 0U : 1U;
    builder.add_plain_text(text);
  }
  if (letters == 0) {
    throw FormatError(pages == 0 ? "the PDF has no pages" : "the PDF has no text layer (scanned pages?); OCR it first");
  }
  if (doc.title.empty()) {
    std::string title = to_utf8(pdf->info_key("Title"));
    while (!title.empty() && detail::is_space(title.back()))
      title.pop_back();
    doc.title = title;
  }
  if (doc.date.empty()) {
    const std::time_t created = pdf->info_date_t("CreationDate");
    if (created > 0) {
      std::tm tm{};
      gmtime_r(&created, &tm);
      char buf[16];
      if (std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm) > 0)
        doc.date = buf;
    }
  }
}

} // namespace stationmap::ingest
