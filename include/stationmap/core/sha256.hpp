#pragma once
/// @file
/// SHA-256 digests (OpenSSL's libcrypto behind one small class): content hashes of documents, stable shard
/// numbers. Digests are written as 64 lowercase hex digits.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace stationmap {

/// An incremental SHA-256: update() any number of times, then hex() or bytes() once (and restart() to reuse it).
class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  /// Starts a new digest, forgetting what was added (cheaper than a new object for many small digests).
  Sha256& restart();
  Sha256& update(std::string_view bytes);
  /// Adds @p bytes preceded by their length, so that consecutive fields cannot run into each other.
  Sha256& field(std::string_view bytes);
  /// Appends to @p out the bytes that field(@p bytes) adds: a digest of many small fields gathered this way and
  /// added with one update() is the same, without a call into OpenSSL per field.
  static void append_field(std::string& out, std::string_view bytes);
  /// The digest; the object cannot be updated afterwards.
  [[nodiscard]] std::array<std::uint8_t, 32> bytes();
  [[nodiscard]] std::string hex();
  /// Appends hex() to @p out.
  void append_hex(std::string& out);

private:
  struct Context;
  std::unique_ptr<Context> m_context;
};

/// The SHA-256 of @p bytes as 64 hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace stationmap
