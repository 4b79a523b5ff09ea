#pragma once
/// @file
/// The names of a small enum's values, written once as a list in the order the enum declares them (its values
/// being 0, 1, 2...): `constexpr auto names = enum_names(Colour::Blue, {"red", "green", "blue"});` then
/// `names(Colour::Green)` is "green". A list that does not name every value up to the last one does not compile.

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace stationmap {

template <typename Enum, std::size_t N> class EnumNames {
public:
  constexpr explicit EnumNames(const std::array<const char*, N>& names) : m_names(names) {}

  /// The name of @p value.
  [[nodiscard]] constexpr const char* operator()(Enum value) const {
    return m_names.at(static_cast<std::size_t>(value));
  }

  /// The value named @p name, if any.
  [[nodiscard]] constexpr std::optional<Enum> parse(std::string_view name) const {
    for (std::size_t i = 0; i < N; ++i) {
      if (name == m_names[i]) {
        return static_cast<Enum>(i);
      }
    }
    return std::nullopt;
  }

private:
  std::array<const char*, N> m_names;
};

/// The names of the values of an enum up to @p last, in order.
template <typename Enum, std::size_t N>
consteval EnumNames<Enum, N> enum_names(Enum last, const char* const (&names)[N]) {
  if (static_cast<std::size_t>(last) + 1 != N) {
    throw std::logic_error("enum_names: one name per value, in the enum's order");
  }
  std::array<const char*, N> list{};
  for (std::size_t i = 0; i < N; ++i) {
    list[i] = names[i];
  }
  return EnumNames<Enum, N>(list);
}

} // namespace stationmap
