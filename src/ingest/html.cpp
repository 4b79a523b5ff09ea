// Article extraction from HTML: one forward pass, an explicit element stack, no recursion.

#include "stationmap/ingest/html.hpp"

#include "document_builder.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

namespace stationmap::ingest {

namespace {

using detail::is_space;

char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

template <std::size_t N> bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

constexpr std::array<std::string_view, 10> raw_text_tags{"script", "style",   "textarea", "title",    "xmp",
                                                         "iframe", "noembed", "noframes", "noscript", "plaintext"};
constexpr std::array<std::string_view, 14> void_tags{"area",  "base", "br",   "col",   "embed",  "hr",    "img",
                                                     "input", "link", "meta", "param", "source", "track", "wbr"};
constexpr std::array<std::string_view, 16> dropped_tags{"nav",      "footer", "aside", "form",    "button", "select",
                                                        "menu",     "dialog", "svg",   "math",    "canvas", "object",
                                                        "template", "head",   "label", "datalist"};
constexpr std::array<std::string_view, 44> block_tags{
    "address", "article", "aside",    "blockquote", "body",   "center", "dd",      "details", "dialog", "dir", "div",
    "dl",      "dt",      "fieldset", "figcaption", "figure", "footer", "form",    "h1",      "h2",     "h3",  "h4",
    "h5",      "h6",      "header",   "hgroup",     "hr",     "html",   "li",      "main",    "menu",   "nav", "ol",
    "p",       "pre",     "section",  "summary",    "table",  "ul",     "caption", "legend",  "tr",     "td",  "th"};
constexpr std::array<std::string_view, 9> dropped_roles{
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog"};
// Parts of class and id names (split at '-', '_' and spaces) that mark boilerplate.
constexpr std::array<std::string_view, 44> boilerplate_words{"nav",
                                                             "navbar",
                                                             "navigation",
                                                             "menu",
                                                             "footer",
                                                             "sidebar",
                                                             "cookie",
                                                             "cookies",
                                                             "consent",
                                                             "gdpr",
                                                             "related",
                                                             "recommended",
                                                             "recommendations",
                                                             "newsletter",
                                                             "subscribe",
                                                             "subscription",
                                                             "share",
                                                             "sharing",
                                                             "social",
                                                             "breadcrumb",
                                                             "breadcrumbs",
                                                             "ad",
                                                             "ads",
                                                             "advert",
                                                             "advertisement",
                                                             "sponsored",
                                                             "promo",
                                                             "paywall",
                                                             "popup",
                                                             "modal",
                                                             "outbrain",
                                                             "taboola",
                                                             "trending",
                                                             "mostread",
                                                             "comments",
                                                             "comment",
                                                             "skip",
                                                             "widget",
                                                             "masthead",
                                                             "toolbar",
                                                             "tags",
                                                             "banner",
                                                             "sronly",
                                                             "hidden"};
constexpr std::array<std::string_view, 7> main_markers{
    "article-body", "articlebody", "story-body", "post-content", "entry-content", "article-content", "article__body"};

struct Attr {
  std::string name;
  std::string value;
};

struct Tag {
  std::string name;
  std::vector<Attr> attrs;
  bool end = false;
  bool self_closing = false;

  [[nodiscard]] const std::string* attr(std::string_view n) const {
    for (const auto& a : attrs) {
      if (a.name == n)
        return &a.value;
    }
    return nullptr;
  }
  [[nodiscard]] std::string lower_attr(std::string_view n) const {
    const std::string* v = attr(n);
    return v == nullptr ? std::string() : to_lower(*v);
  }
};

bool is_name_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
}

bool wanted_attr(std::string_view n) {
  static constexpr std::array<std::string_view, 15> names{"class",    "id",       "role",  "hidden",  "aria-hidden",
                                                          "itemprop", "property", "name",  "content", "href",
                                                          "rel",      "datetime", "style", "type",    "charset"};
  return one_of(n, names);
}

/// Parses the tag starting at html[pos] == '<' (followed by a letter, or '/' and a letter). Returns the
/// position after its '>' (or the end of input).
std::size_t parse_tag(std::string_view html, std::size_t pos, Tag& tag) {
  tag.attrs.clear();
  tag.name.clear();
  tag.self_closing = false;
  std::size_t i = pos + 1;
  tag.end = html[i] == '/';
  if (tag.end)
    ++i;
  while (i < html.size() && is_name_char(html[i]))
    tag.name += ascii_lower(html[i++]);
  for (;;) {
    while (i < html.size() && (is_space(html[i]) || html[i] == '/')) {
      tag.self_closing = html[i] == '/';
      ++i;
    }
    if (i >= html.size())
      return i;
    if (html[i] == '>')
      return i + 1;
    tag.self_closing = false;
    const std::size_t name_start = i;
    while (i < html.size() && !is_space(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/')
      ++i;
    if (i == name_start)
      ++i; // a stray character such as a quote
    const std::string name = to_lower(html.substr(name_start, i - name_start));
    while (i < html.size() && is_space(html[i]))
      ++i;
    std::string_view value;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && is_space(html[i]))
        ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        const char quote = html[i++];
        std::size_t end = html.find(quote, i);
        if (end == std::string_view::npos)
          end = html.size();
        value = html.substr(i, end - i);
        i = std::min(end + 1, html.size());
      } else {
        const std::size_t start = i;
        while (i < html.size() && !is_space(html[i]) && html[i] != '>')
          ++i;
        value = html.substr(start, i - start);
      }
    }
    if (!tag.end && wanted_attr(name) && tag.attrs.size() < 32) {
      Attr attr{name, {}};
      decode_entities(value.substr(0, 4096), attr.value);
      tag.attrs.push_back(std::move(attr));
    }
  }
}

/// Position of the "</name" that closes a raw-text element, or npos.
std::size_t find_closing(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (i + 2 + name.size() > html.size())
      return std::string_view::npos;
    bool match = true;
    for (std::size_t k = 0; k < name.size() && match; ++k)
      match = ascii_lower(html[i + 2 + k]) == name[k];
    if (match && (i + 2 + name.size() == html.size() || !is_name_char(html[i + 2 + name.size()])))
      return i;
  }
  return std::string_view::npos;
}

/// Collapses white space runs to one space and trims.
std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (is_space(c)) {
      space = !out.empty();
    } else {
      if (space)
        out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

bool class_has_word(std::string_view names, std::string_view word_list_kind_unused = {}) {
  (void)word_list_kind_unused;
  std::size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && !is_name_char(names[i]))
      ++i;
    std::size_t j = i;
    while (j < names.size() && (std::isalnum(static_cast<unsigned char>(names[j])) != 0))
      ++j;
    if (j > i && one_of(names.substr(i, j - i), boilerplate_words))
      return true;
    i = j == i ? j + 1 : j;
  }
  return false;
}

struct Element {
  std::string name;
  BlockKind kind = BlockKind::Body;
  bool drop = false;
  bool by_class = false; // dropped because of a class/id rule
  bool in_main = false;
  bool pre = false;
};

struct Piece {
  std::string text;
  BlockKind kind;
  bool in_main;
};

class Extractor {
public:
  explicit Extractor(bool class_rules) : m_class_rules(class_rules) {}

  void run(std::string_view html);

  std::vector<Piece> pieces;
  HtmlMetadata meta;
  std::string first_heading;
  std::size_t dropped_by_class = 0;

private:
  [[nodiscard]] const Element* top() const { return m_stack.empty() ? nullptr : &m_stack.back(); }
  [[nodiscard]] BlockKind kind() const { return m_stack.empty() ? BlockKind::Body : m_stack.back().kind; }
  [[nodiscard]] bool in_table_text() const { return kind() == BlockKind::Table; }

  void flush();
  void text(std::string_view raw);
  void start_tag(const Tag& tag, std::string_view html, std::size_t& pos);
  void end_tag(const std::string& name);
  void push(const Tag& tag);
  void pop();
  void meta_tag(const Tag& tag);
  void json_ld(std::string_view json);
  void block_break();

  bool m_class_rules;
  std::vector<Element> m_stack;
  std::unordered_map<std::string, std::size_t> m_open;
  std::string m_para;
  BlockKind m_para_kind = BlockKind::Body;
  bool m_para_main = false;
  std::size_t m_row_cells = 0;
  std::string m_og_title, m_title_tag, m_og_url, m_canonical, m_date, m_time_date, m_site, m_app_name, m_ld_title,
      m_ld_date, m_ld_url, m_ld_publisher;
  std::string m_scratch;
};

void Extractor::flush() {
  while (!m_para.empty() && (is_space(m_para.back())))
    m_para.pop_back();
  if (!m_para.empty()) {
    if (m_para_kind == BlockKind::Title && first_heading.empty())
      first_heading = m_para;
    pieces.push_back({std::move(m_para), m_para_kind, m_para_main});
  }
  m_para.clear();
}

void Extractor::block_break() {
  if (in_table_text()) {
    if (!m_para.empty() && !is_space(m_para.back()))
      m_para += ' ';
  } else {
    flush();
  }
}

void Extractor::text(std::string_view raw) {
  const Element* e = top();
  if (e != nullptr && e->drop) {
    if (e->by_class)
      dropped_by_class += raw.size();
    return;
  }
  const BlockKind k = kind();
  const bool main = e != nullptr && e->in_main;
  const bool pre = e != nullptr && e->pre;
  m_scratch.clear();
  decode_entities(raw, m_scratch);
  if (!m_para.empty() && (m_para_kind != k || m_para_main != main))
    flush();
  if (m_para.empty()) {
    m_para_kind = k;
    m_para_main = main;
  }
  for (const char c : m_scratch) {
    if (is_space(c)) {
      if (pre && c == '\n') {
        if (!m_para.empty())
          m_para += '\n';
      } else if (!m_para.empty() && !is_space(m_para.back())) {
        m_para += ' ';
      }
    } else {
      m_para += c;
    }
  }
}

void Extractor::push(const Tag& tag) {
  // An element inherits everything but its name from its parent: its block kind, and whether it is dropped (and
  // why), in the main text, or preformatted.
  const Element* parent = top();
  Element e = parent != nullptr ? *parent : Element{};
  e.name = tag.name;
  const std::string names = tag.lower_attr("class") + " " + tag.lower_attr("id");
  const std::string role = tag.lower_attr("role");
  const std::string itemprop = tag.lower_attr("itemprop");
  if (tag.name == "article" || tag.name == "main" || role == "main" || itemprop == "articlebody")
    e.in_main = true;
  for (const auto marker : main_markers) {
    if (contains(names, marker))
      e.in_main = true;
  }
  if (!e.drop) {
    const std::string style = tag.lower_attr("style");
    const bool structural = tag.name == "html" || tag.name == "body" || tag.name == "main" || tag.name == "article";
    if (one_of(std::string_view(tag.name), dropped_tags) || (tag.name == "header" && !e.in_main) ||
        tag.attr("hidden") != nullptr || tag.lower_attr("aria-hidden") == "true" ||
        one_of(std::string_view(role), dropped_roles) || contains(style, "display:none") ||
        contains(style, "display: none")) {
      e.drop = true;
    } else if (m_class_rules && !structural && !e.in_main && class_has_word(names)) {
      e.drop = e.by_class = true;
    } else if (m_class_rules && !structural && e.in_main && class_has_word(names) &&
               (contains(names, "related") || contains(names, "share") || contains(names, "newsletter") ||
                contains(names, "social") || contains(names, "promo") || contains(names, "comment"))) {
      e.drop = e.by_class = true; // inside the article, only what is clearly not its text
    }
  }
  const std::string rel = tag.lower_attr("rel");
  if (tag.name.size() == 2 && tag.name[0] == 'h' && tag.name[1] >= '1' && tag.name[1] <= '6') {
    e.kind = BlockKind::Title;
  } else if (tag.name == "figcaption" || contains(names, "caption") || contains(names, "credit")) {
    e.kind = BlockKind::Caption;
  } else if (tag.name == "address" || contains(names, "byline") || contains(names, "author") ||
             contains(names, "dateline") || rel == "author" || itemprop == "author") {
    e.kind = BlockKind::Byline;
  } else if (tag.name == "blockquote") {
    e.kind = BlockKind::Quote;
  } else if (tag.name == "table") {
    if (e.kind == BlockKind::Table) {
      // a table inside a table: the outer one is layout, not data
      flush();
      for (auto it = m_stack.rbegin(); it != m_stack.rend() && it->kind == BlockKind::Table; ++it) {
        it->kind = BlockKind::Body;
      }
      e.kind = BlockKind::Body;
    } else {
      e.kind = BlockKind::Table;
      m_row_cells = 0;
    }
  } else if (tag.name == "pre") {
    e.pre = true;
  }
  if (e.kind == BlockKind::Table && tag.name != "table" &&
      (tag.name == "p" || (tag.name.size() == 2 && tag.name[0] == 'h' && tag.name[1] >= '1' && tag.name[1] <= '6'))) {
    // paragraphs in cells: a layout table
    flush();
    for (auto it = m_stack.rbegin(); it != m_stack.rend() && it->kind == BlockKind::Table; ++it) {
      it->kind = BlockKind::Body;
    }
    if (e.kind == BlockKind::Table)
      e.kind = tag.name == "p" ? BlockKind::Body : BlockKind::Title;
  }
  const bool kind_changes = parent == nullptr ? e.kind != BlockKind::Body : parent->kind != e.kind;
  if (kind_changes && !e.drop)
    flush();
  ++m_open[e.name];
  m_stack.push_back(std::move(e));
}

void Extractor::pop() {
  const Element e = std::move(m_stack.back());
  m_stack.pop_back();
  if (const auto it = m_open.find(e.name); it != m_open.end() && it->second > 0)
    --it->second;
  if (e.drop)
    return;
  if (one_of(std::string_view(e.name), block_tags) || e.kind != kind()) {
    if (e.kind == BlockKind::Table && kind() != BlockKind::Table) {
      flush();
    } else {
      block_break();
    }
  }
}

void Extractor::end_tag(const std::string& name) {
  const auto it = m_open.find(name);
  if (it == m_open.end() || it->second == 0) {
    if (name == "p" || name == "br")
      block_break(); // a stray </p> still ends a paragraph
    return;
  }
  // Close everything up to and including the nearest open element of this name (amortised O(1):
  // each element is popped once).
  while (!m_stack.empty()) {
    const bool match = m_stack.back().name == name;
    pop();
    if (match)
      break;
  }
}

void Extractor::meta_tag(const Tag& tag) {
  const std::string* content = tag.attr("content");
  if (content == nullptr)
    return;
  std::string key = tag.lower_attr("property");
  if (key.empty())
    key = tag.lower_attr("name");
  if (key.empty())
    key = tag.lower_attr("itemprop");
  const auto set = [&](std::string& field) {
    if (field.empty())
      field = collapse(*content);
  };
  if (key == "og:title" || key == "twitter:title")
    set(m_og_title);
  else if (key == "og:url")
    set(m_og_url);
  else if (key == "og:site_name")
    set(m_site);
  else if (key == "application-name")
    set(m_app_name);
  else if (key == "article:published_time" || key == "datepublished" || key == "date" || key == "pubdate" ||
           key == "publishdate" || key == "publish-date" || key == "dc.date" || key == "dc.date.issued" ||
           key == "dcterms.date" || key == "dcterms.created" || key == "sailthru.date" || key == "parsely-pub-date" ||
           key == "og:published_time" || key == "article.published") {
    if (m_date.empty())
      m_date = detail::iso_date(*content);
  }
}

void Extractor::json_ld(std::string_view json) {
  const nlohmann::json root = nlohmann::json::parse(json, nullptr, false);
  if (root.is_discarded())
    return;
  std::vector<const nlohmann::json*> objects;
  const auto add = [&](const nlohmann::json& node) {
    if (node.is_object())
      objects.push_back(&node);
    if (node.is_array()) {
      for (const auto& item : node) {
        if (item.is_object() && objects.size() < 64)
          objects.push_back(&item);
      }
    }
  };
  add(root);
  if (root.is_object() && root.contains("@graph"))
    add(root["@graph"]);
  const auto text_of = [](const nlohmann::json& obj, const char* key) -> std::string {
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (const auto* obj : objects) {
    if (m_ld_title.empty())
      m_ld_title = text_of(*obj, "headline");
    if (m_ld_date.empty())
      m_ld_date = detail::iso_date(text_of(*obj, "datePublished"));
    if (m_ld_url.empty() && obj->contains("headline"))
      m_ld_url = text_of(*obj, "url");
    if (m_ld_publisher.empty()) {
      const auto it = obj->find("publisher");
      if (it != obj->end() && it->is_object())
        m_ld_publisher = text_of(*it, "name");
    }
  }
}

void Extractor::start_tag(const Tag& tag, std::string_view html, std::size_t& pos) {
  const std::string_view name = tag.name;
  if (one_of(name, raw_text_tags)) {
    const std::size_t close = find_closing(html, pos, name);
    const std::string_view content =
        html.substr(pos, close == std::string_view::npos ? std::string_view::npos : close - pos);
    if (name == "title" && m_title_tag.empty()) {
      std::string decoded;
      decode_entities(content, decoded);
      m_title_tag = collapse(decoded);
    } else if (name == "script" && contains(tag.lower_attr("type"), "ld+json")) {
      json_ld(content);
    } else if (name == "textarea" || name == "xmp" || name == "plaintext") {
      // user-visible raw text, but never article prose
    }
    if (close == std::string_view::npos) {
      pos = html.size();
    } else {
      pos = html.find('>', close);
      pos = pos == std::string_view::npos ? html.size() : pos + 1;
    }
    return;
  }
  if (name == "meta") {
    meta_tag(tag);
    return;
  }
  if (name == "link") {
    if (m_canonical.empty() && tag.lower_attr("rel") == "canonical" && tag.attr("href") != nullptr) {
      m_canonical = collapse(*tag.attr("href"));
    }
    return;
  }
  if (name == "br") {
    if (top() != nullptr && top()->drop)
      return;
    if (in_table_text()) {
      if (!m_para.empty() && !is_space(m_para.back()))
        m_para += ' ';
      return;
    }
    while (!m_para.empty() && m_para.back() == ' ')
      m_para.pop_back();
    if (!m_para.empty() && m_para.back() == '\n') {
      flush();
    } else if (!m_para.empty()) {
      m_para += '\n';
    }
    return;
  }
  if (name == "time" && m_time_date.empty() && tag.attr("datetime") != nullptr) {
    m_time_date = detail::iso_date(*tag.attr("datetime"));
  }
  if (one_of(name, void_tags)) {
    if (name == "hr")
      block_break();
    return;
  }
  // Implied end tags: a new paragraph or list item closes the open one.
  if ((name == "p" || one_of(name, block_tags)) && top() != nullptr && top()->name == "p" && name != "td" &&
      name != "th" && name != "tr") {
    end_tag("p");
  }
  if (name == "li" && top() != nullptr && top()->name == "li")
    end_tag("li");
  const bool table_cell = name == "td" || name == "th";
  if (in_table_text() && (name == "tr" || table_cell)) {
    if (top() == nullptr || !top()->drop) {
      if (name == "tr") {
        while (!m_para.empty() && is_space(m_para.back()))
          m_para.pop_back();
        if (!m_para.empty())
          m_para += '\n';
        m_row_cells = 0;
      } else {
        while (!m_para.empty() && m_para.back() == ' ')
          m_para.pop_back();
        if (m_row_cells++ > 0)
          m_para += '\t';
      }
    }
    // close an unclosed cell or row of the same table
    if (table_cell && top() != nullptr && (top()->name == "td" || top()->name == "th"))
      pop();
    if (name == "tr" && top() != nullptr && (top()->name == "td" || top()->name == "th"))
      pop();
    if (name == "tr" && top() != nullptr && top()->name == "tr")
      pop();
    push(tag);
    return;
  }
  if (one_of(name, block_tags) && !(top() != nullptr && top()->drop))
    block_break();
  push(tag);
  if (tag.self_closing && name != "p")
    pop(); // <div/> in XHTML
}

void Extractor::run(std::string_view html) {
  Tag tag;
  std::size_t pos = 0;
  while (pos < html.size()) {
    const std::size_t lt = html.find('<', pos);
    if (lt != pos) {
      const std::size_t end = lt == std::string_view::npos ? html.size() : lt;
      text(html.substr(pos, end - pos));
      pos = end;
      continue;
    }
    const std::string_view rest = html.substr(pos);
    if (rest.substr(0, 4) == "<!--") {
      const std::size_t end = html.find("-->", pos + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (rest.size() >= 2 && (rest[1] == '!' || rest[1] == '?')) {
      const std::size_t end = html.find('>', pos);
      pos = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    const std::size_t name_at = rest.size() >= 2 && rest[1] == '/' ? 2 : 1;
    if (rest.size() <= name_at || std::isalpha(static_cast<unsigned char>(rest[name_at])) == 0) {
      text("<");
      ++pos;
      continue;
    }
    pos = parse_tag(html, pos, tag);
    if (tag.end) {
      end_tag(tag.name);
    } else {
      start_tag(tag, html, pos);
    }
  }
  flush();
  meta.title = !m_og_title.empty()    ? m_og_title
               : !m_ld_title.empty()  ? m_ld_title
               : !m_title_tag.empty() ? m_title_tag
                                      : first_heading;
  meta.url = !m_og_url.empty() ? m_og_url : !m_canonical.empty() ? m_canonical : m_ld_url;
  meta.date = !m_date.empty() ? m_date : !m_ld_date.empty() ? m_ld_date : m_time_date;
  meta.outlet = !m_site.empty() ? m_site : !m_ld_publisher.empty() ? m_ld_publisher : m_app_name;
}

std::size_t total_chars(const std::vector<Piece>& pieces) {
  std::size_t n = 0;
  for (const auto& p : pieces)
    n += p.text.size();
  return n;
}

} // namespace

void extract_html(std::string_view html, Document& doc) {
  Extractor extractor(true);
  extractor.run(html);
  if (total_chars(extractor.pieces) < 200 && extractor.dropped_by_class > 400) {
    // The class rules ate the page (a wrapper named "has-sidebar"...): read it again without them.
    Extractor lenient(false);
    lenient.run(html);
    if (total_chars(lenient.pieces) > total_chars(extractor.pieces))
      extractor = std::move(lenient);
  }
  std::vector<Piece>& pieces = extractor.pieces;
  std::size_t main_chars = 0;
  std::size_t first_main = pieces.size();
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].in_main) {
      main_chars += pieces[i].text.size();
      first_main = std::min(first_main, i);
    }
  }
  const bool keep_main_only = main_chars >= 100;
  std::size_t headline = pieces.size();
  if (keep_main_only) {
    for (std::size_t i = first_main; i-- > 0;) {
      if (pieces[i].kind == BlockKind::Title) {
        headline = i;
        break;
      }
    }
  }
  bool has_title_block = false;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if ((!keep_main_only || pieces[i].in_main || i == headline) && pieces[i].kind == BlockKind::Title) {
      has_title_block = true;
    }
  }
  const HtmlMetadata& meta = extractor.meta;
  detail::DocumentBuilder builder(doc);
  if (!has_title_block && !meta.title.empty())
    builder.add_paragraph(meta.title, BlockKind::Title);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (!keep_main_only || pieces[i].in_main || i == headline)
      builder.add_paragraph(pieces[i].text, pieces[i].kind);
  }
  if (doc.title.empty())
    doc.title = meta.title;
  if (doc.url.empty())
    doc.url = meta.url;
  if (doc.date.empty())
    doc.date = meta.date;
  if (doc.outlet.empty())
    doc.outlet = meta.outlet;
}

} // namespace stationmap::ingest
