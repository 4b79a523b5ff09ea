#include "stationmap/core/sha256.hpp"

#include "stationmap/core/error.hpp"

#include <memory>
#include <openssl/evp.h>

namespace stationmap {

namespace {

/// SHA-256 as fetched from OpenSSL's providers once: a digest started with EVP_sha256() looks it up each time (a
/// build hashes every document).
const EVP_MD* sha256_digest() {
  static const std::unique_ptr<EVP_MD, void (*)(EVP_MD*)> fetched(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                                  &EVP_MD_free);
  return fetched ? fetched.get() : EVP_sha256();
}

/// Starts a digest in @p ctx; false when OpenSSL cannot.
bool start(EVP_MD_CTX* ctx) {
  return ctx != nullptr && EVP_DigestInit_ex(ctx, sha256_digest(), nullptr) == 1;
}

} // namespace

struct Sha256::Context {
  EVP_MD_CTX* ctx = nullptr;
  Context() : ctx(EVP_MD_CTX_new()) {
    if (!start(ctx)) {
      EVP_MD_CTX_free(ctx);
      throw LibraryError("OpenSSL: cannot start a SHA-256 digest");
    }
  }
  ~Context() { EVP_MD_CTX_free(ctx); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  Context(Context&&) = delete;
  Context& operator=(Context&&) = delete;
};

Sha256::Sha256() : m_context(std::make_unique<Context>()) {}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

Sha256& Sha256::restart() {
  if (!start(m_context->ctx)) {
    throw LibraryError("OpenSSL: cannot start a SHA-256 digest");
  }
  return *this;
}

Sha256& Sha256::update(std::string_view bytes) {
  if (EVP_DigestUpdate(m_context->ctx, bytes.data(), bytes.size()) != 1) {
    throw LibraryError("OpenSSL: SHA-256 update failed");
  }
  return *this;
}

namespace {

/// The length of a field as it precedes the field: 8 bytes, little-endian.
std::array<char, 8> length_prefix(std::size_t size) {
  std::array<char, 8> length{};
  std::uint64_t n = size;
  for (char& c : length) {
    c = static_cast<char>(n & 0xFFU);
    n >>= 8U;
  }
  return length;
}

} // namespace

Sha256& Sha256::field(std::string_view bytes) {
  const std::array<char, 8> length = length_prefix(bytes.size());
  return update(std::string_view(length.data(), length.size())).update(bytes);
}

void Sha256::append_field(std::string& out, std::string_view bytes) {
  const std::array<char, 8> length = length_prefix(bytes.size());
  out.append(length.data(), length.size()).append(bytes);
}

std::array<std::uint8_t, 32> Sha256::bytes() {
  std::array<std::uint8_t, 32> out{};
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(m_context->ctx, out.data(), &size) != 1 || size != out.size()) {
    throw LibraryError("OpenSSL: SHA-256 final failed");
  }
  return out;
}

void Sha256::append_hex(std::string& out) {
  static constexpr std::string_view digits = "0123456789abcdef";
  std::array<char, 64> hex{};
  std::size_t i = 0;
  for (const std::uint8_t b : bytes()) {
    hex[i++] = digits[b >> 4U];
    hex[i++] = digits[b & 0xFU];
  }
  out.append(hex.data(), hex.size());
}

std::string Sha256::hex() {
  std::string out;
  out.reserve(64);
  append_hex(out);
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  return Sha256().update(bytes).hex();
}

} // namespace stationmap
