#pragma once
// The one spelling of a JSON string in the render stage's own JSON (the layer model's arrays, the GeoJSON files):
// '"', '\' and control characters escaped ("\n", "\u001f", as nlohmann's dump and json-c write them), every other
// byte, '/' and UTF-8 included, as it is.

#include <string>
#include <string_view>

namespace stationmap::render::detail {

/// Appends @p text, escaped, without the quotes around it: the runs of bytes that need no escape (nearly every
/// text is one) are copied whole.
void append_json_escaped(std::string& out, std::string_view text);

/// Appends @p text as a JSON string: quoted and escaped (append_json_escaped()).
void append_json_quoted(std::string& out, std::string_view text);

/// Appends @p text as a JSON string and returns true when it is plain ASCII with nothing to escape (ids, most
/// sentences: looked at once); else returns false and appends nothing.
bool append_plain_json_quoted(std::string& out, std::string_view text);

} // namespace stationmap::render::detail
