// A JSON reader with depth and size limits, streaming the documents of a corpus file.

#include "json_stream.hpp"

#include <algorithm>
#include <vector>

namespace stationmap::ingest::detail {

namespace {

using json = nlohmann::json;

/// Bytes charged for a value that is not a string: about what nlohmann keeps for it.
constexpr std::size_t value_bytes = 8;

std::string mib(std::size_t bytes) {
  return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

/// Builds one value from parser events. Past its size limit it drops what it built and only follows the nesting,
/// so that the value can be reported and skipped.
class ValueBuilder {
public:
  explicit ValueBuilder(std::size_t max_bytes) : m_max_bytes(max_bytes) {}

  void reset() {
    m_value = json();
    m_stack.clear();
    m_bytes = 0;
    m_over = false;
  }
  void key(std::string&& name) {
    if (charge(name.size())) {
      m_key = std::move(name);
    }
  }
  void scalar(json&& value, std::size_t bytes) {
    if (charge(bytes)) {
      add(std::move(value));
    }
  }
  void open(json&& container) {
    if (charge(value_bytes)) {
      m_stack.push_back(add(std::move(container)));
    }
  }
  void close() {
    if (!m_over) {
      m_stack.pop_back();
    }
  }
  [[nodiscard]] bool over() const { return m_over; }
  json take() {
    json value = std::move(m_value);
    reset();
    return value;
  }

private:
  bool charge(std::size_t bytes) {
    m_bytes += bytes;
    if (!m_over && m_bytes > m_max_bytes) {
      m_over = true;
      m_value = json();
      m_stack.clear();
    }
    return !m_over;
  }
  /// Adds @p value where the parser is; ancestors on the stack stay put (a container only grows after its
  /// child closed).
  json* add(json&& value) {
    if (m_stack.empty()) {
      m_value = std::move(value);
      return &m_value;
    }
    json& parent = *m_stack.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    json& slot = parent[m_key];
    slot = std::move(value);
    return &slot;
  }

  std::size_t m_max_bytes;
  json m_value;
  std::vector<json*> m_stack;
  std::string m_key;
  std::size_t m_bytes = 0;
  bool m_over = false;
};

/// The parser's listener: routes events to the element being built (inside the list of documents) or to the
/// top-level value, and stops the parser past the depth limit.
class Handler : public nlohmann::json_sax<json> {
public:
  Handler(const JsonLimits& limits, std::span<const std::string_view> list_keys, bool stream,
          const JsonElementSink& sink)
      : m_limits(limits), m_list_keys(list_keys.begin(), list_keys.end()), m_stream(stream), m_sink(sink),
        m_root(limits.max_value_bytes), m_element(limits.max_value_bytes) {}

  bool null() override { return scalar(json(nullptr), value_bytes); }
  bool boolean(bool value) override { return scalar(json(value), value_bytes); }
  bool number_integer(number_integer_t value) override { return scalar(json(value), value_bytes); }
  bool number_unsigned(number_unsigned_t value) override { return scalar(json(value), value_bytes); }
  bool number_float(number_float_t value, const string_t& /*text*/) override {
    return scalar(json(value), value_bytes);
  }
  bool string(string_t& value) override {
    const std::size_t bytes = value.size();
    return scalar(json(std::move(value)), bytes);
  }
  bool binary(binary_t& /*value*/) override { return scalar(json(), value_bytes); } // not in JSON text
  bool start_object(std::size_t /*elements*/) override { return open(json::object()); }
  bool start_array(std::size_t /*elements*/) override { return open(json::array()); }
  bool key(string_t& name) override {
    if (m_depth == 1) {
      m_top_key = name;
    }
    builder().key(std::move(name));
    return true;
  }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string& /*token*/,
                   const nlohmann::detail::exception& error) override {
    m_error = error.id == 406 ? "invalid JSON: number out of range" // a number too large for a double
                              : "invalid JSON at byte " + std::to_string(position);
    m_invalid = true;
    return false;
  }

  /// The result once the parser returned @p ok.
  JsonStreamResult finish(bool ok) {
    JsonStreamResult result;
    result.streamed = m_list_depth > 0;
    result.elements = m_elements;
    result.error = m_error;
    result.invalid = m_invalid;
    result.ok = ok && m_error.empty();
    if (result.ok && !result.streamed) {
      if (m_root.over()) {
        result.ok = false;
        result.error = "the document is over the size limit of " + mib(m_limits.max_value_bytes);
      } else {
        result.root = m_root.take();
      }
    }
    return result;
  }

private:
  [[nodiscard]] bool in_list() const { return m_list_depth > 0 && !m_list_closed && m_depth >= m_list_depth; }
  [[nodiscard]] bool at_element() const { return in_list() && m_depth == m_list_depth; }
  ValueBuilder& builder() { return in_list() ? m_element : m_root; }

  /// True when the array about to open is the list of documents.
  [[nodiscard]] bool opens_the_list() const {
    if (!m_stream || m_list_depth > 0) {
      return false;
    }
    return m_depth == 0 || (m_depth == 1 && m_root_is_object &&
                            std::find(m_list_keys.begin(), m_list_keys.end(), m_top_key) != m_list_keys.end());
  }

  void start_element() {
    if (at_element()) {
      m_element.reset();
      ++m_elements;
    }
  }
  void end_element() {
    if (at_element()) {
      if (m_element.over()) {
        m_sink(m_elements, "over the size limit of " + mib(m_limits.max_value_bytes) + " per document");
      } else {
        m_sink(m_elements, m_element.take());
      }
    }
  }

  bool scalar(json&& value, std::size_t bytes) {
    start_element();
    builder().scalar(std::move(value), bytes);
    end_element();
    return true;
  }
  bool open(json&& container) {
    if (m_depth >= m_limits.max_depth) {
      m_error = "nested deeper than " + std::to_string(m_limits.max_depth) + " levels";
      return false;
    }
    if (container.is_array() && opens_the_list()) {
      m_list_depth = ++m_depth;
      return true;
    }
    if (m_depth == 0) {
      m_root_is_object = container.is_object();
    }
    start_element();
    builder().open(std::move(container));
    ++m_depth;
    return true;
  }
  bool close() {
    --m_depth;
    if (m_list_depth > 0 && !m_list_closed && m_depth + 1 == m_list_depth) {
      m_list_closed = true;
      return true;
    }
    builder().close();
    end_element();
    return true;
  }

  const JsonLimits& m_limits;
  std::vector<std::string_view> m_list_keys;
  bool m_stream;
  const JsonElementSink& m_sink;
  ValueBuilder m_root;
  ValueBuilder m_element;
  std::size_t m_depth = 0;      // containers open
  std::size_t m_list_depth = 0; // depth of the list's elements (0: no list)
  bool m_list_closed = false;
  bool m_root_is_object = false;
  std::string m_top_key; // the last key of the top-level object
  std::size_t m_elements = 0;
  std::string m_error;
  bool m_invalid = false;
};

} // namespace

std::variant<json, std::string> parse_json_value(std::string_view text, const JsonLimits& limits) {
  const JsonElementSink none = [](std::size_t, std::variant<json, std::string>&&) {};
  Handler handler(limits, {}, false, none);
  JsonStreamResult result = handler.finish(json::sax_parse(text, &handler));
  if (!result.ok) {
    return std::move(result.error);
  }
  return std::move(result.root);
}

JsonStreamResult stream_json_documents(std::string_view text, const JsonLimits& limits,
                                       std::span<const std::string_view> list_keys, const JsonElementSink& sink) {
  Handler handler(limits, list_keys, true, sink);
  return handler.finish(json::sax_parse(text, &handler));
}

} // namespace stationmap::ingest::detail
