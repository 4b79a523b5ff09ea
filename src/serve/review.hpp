#pragma once
// Review mode (`stationmap serve OUTDIR --review FILE`): the web map's review controls post one correction at a
// time; each is checked like a row of the corrections file and appended to FILE. Every write needs the
// per-run token that only the served page carries (a <meta> in index.html), sent in a custom header with a
// JSON body, from the server's own origin and Host: no form, link or script of another site can append.

#include "routes.hpp"

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap::serve {

/// The path the review controls post to, and the header that carries the token.
inline constexpr std::string_view review_path = "/review/corrections";
inline constexpr std::string_view review_status_path = "/review/status";
inline constexpr std::string_view token_header = "X-Stationmap-Token";
/// Largest correction a client may post: four short fields as JSON.
inline constexpr std::size_t review_body_limit = 8 * 1024;

/// A new random token (128 bits, hex) for one run of the server.
std::string new_review_token();

/// Appends corrections rows to one file: one writer at a time (a mutex in this process, an exclusive lock on
/// the file against other processes), each row written whole with one append, the header first when the
/// file is new.
class ReviewLog {
public:
  ReviewLog(std::filesystem::path file, std::string token);

  /// True when @p head carries the token and comes from an allowed Host and Origin.
  [[nodiscard]] bool authorised(const RequestHead& head, const std::vector<std::string>& hosts) const;
  /// Checks the posted JSON {action, target, value, note} like a corrections row and appends it. Returns
  /// the HTTP status and a message (JSON) for the page.
  std::pair<http::status, std::string> post(std::string_view body);
  /// {"file": ..., "appended": n} for the page's banner.
  [[nodiscard]] std::string status_json() const;
  /// index.html with the token in <meta name="stationmap-review">.
  [[nodiscard]] std::string page_with_token(std::string_view html) const;

private:
  std::filesystem::path m_file;
  std::string m_token;
  mutable std::mutex m_mutex;
  std::size_t m_appended = 0;
};

} // namespace stationmap::serve
