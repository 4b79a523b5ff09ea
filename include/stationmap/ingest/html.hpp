#pragma once
/// @file
/// Article extraction from HTML: the text of the article with its structure, without the page around it.
///
/// A single forward pass over the markup with an explicit element stack (no recursion, so pages nested
/// 200,000 levels deep are fine; broken markup is tolerated as browsers do). Dropped: `<script>`, `<style>`,
/// `<noscript>`, `<nav>`, `<footer>`, `<aside>`, page `<header>`s, forms, hidden elements, and elements whose
/// class or id names boilerplate (cookie banners, related/recommended lists, share bars, newsletters,
/// sidebars, menus, comments, ads). When the page marks its article (`<article>`, `<main>`, role=main,
/// itemprop=articleBody), only that part (and a headline just above it) is kept.
///
/// Kept as blocks: `<h1>`..`<h6>` as Title; `<figcaption>` and elements whose class or id contains
/// "caption" or "credit" as Caption; elements whose class, id, rel or itemprop names a byline, author or
/// dateline, and `<address>`, as Byline; `<blockquote>` as Quote; data tables as Table (one row a line,
/// cells separated by tabs). Entities are decoded; `&nbsp;` becomes a space.

#include "stationmap/ingest/document.hpp"

#include <string>
#include <string_view>

namespace stationmap::ingest {

/// Metadata found in an HTML page's head.
struct HtmlMetadata {
  std::string title;  ///< og:title, else `<title>`, else the first `<h1>`
  std::string url;    ///< og:url, else `<link rel="canonical">`
  std::string date;   ///< YYYY-MM-DD from article:published_time, datePublished, `<meta name="date">`...
  std::string outlet; ///< og:site_name, else application-name or the JSON-LD publisher
};

/// Extracts the article text of @p html (UTF-8) and appends it to @p doc (text and blocks); sets doc's
/// title, url, date and outlet where the page has them and doc's field is still empty.
void extract_html(std::string_view html, Document& doc);

/// Decodes HTML character references (`&amp;`, `&eacute;`, `&#233;`, `&#xE9;`) in @p text, appending to @p out.
void decode_entities(std::string_view text, std::string& out);

} // namespace stationmap::ingest
