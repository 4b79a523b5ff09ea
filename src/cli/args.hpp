#pragma once
// A small command-line parser for the stationmap subcommands: positional arguments, --flag and
// --option VALUE (or --option=VALUE). Unknown options are usage errors that name the option.

#include "stationmap/core/error.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace stationmap::cli {

class Args {
public:
  /// @p flags take no value, @p options take one.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& flags, const std::set<std::string>& options,
       const std::string& command)
      : m_command(command) {
    for (std::size_t i = 0; i < argv.size(); ++i) {
      const std::string& a = argv[i];
      if (a == "--") {
        m_positional.insert(m_positional.end(), argv.begin() + static_cast<long>(i) + 1, argv.end());
        break;
      }
      if (a.size() > 1 && a[0] == '-' && a != "-") {
        std::string name = a;
        std::string value;
        bool has_value = false;
        if (const auto eq = a.find('='); eq != std::string::npos) {
          name = a.substr(0, eq);
          value = a.substr(eq + 1);
          has_value = true;
        }
        if (flags.count(name) != 0) {
          m_flags.insert(name);
        } else if (options.count(name) != 0) {
          if (!has_value) {
            if (i + 1 >= argv.size()) {
              throw UsageError(command + ": option " + name + " needs a value; see `stationmap " + command +
                               " --help`");
            }
            value = argv[++i];
          }
          m_options[name] = value;
        } else {
          throw UsageError(command + ": unknown option " + name + "; see `stationmap " + command + " --help`");
        }
      } else {
        m_positional.push_back(a);
      }
    }
  }
  [[nodiscard]] bool flag(const std::string& name) const { return m_flags.count(name) != 0; }
  [[nodiscard]] std::string option(const std::string& name, const std::string& fallback = "") const {
    auto it = m_options.find(name);
    return it == m_options.end() ? fallback : it->second;
  }
  [[nodiscard]] bool has(const std::string& name) const { return m_options.count(name) != 0; }
  [[nodiscard]] int int_option(const std::string& name, int fallback) const {
    if (!has(name)) {
      return fallback;
    }
    try {
      std::size_t used = 0;
      const int v = std::stoi(option(name), &used);
      if (used != option(name).size()) {
        throw std::invalid_argument("trailing");
      }
      return v;
    } catch (const std::exception&) {
      throw UsageError(m_command + ": " + name + " expects a whole number, got '" + option(name) + "'");
    }
  }
  [[nodiscard]] const std::vector<std::string>& positional() const { return m_positional; }

private:
  std::string m_command;
  std::set<std::string> m_flags;
  std::map<std::string, std::string> m_options;
  std::vector<std::string> m_positional;
};

} // namespace stationmap::cli
