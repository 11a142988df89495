#include "normalize/date.h"

#include <cstdio>
#include <vector>

#include "normalize/text.h"

namespace decltab::normalize {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

std::optional<std::string> Format(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m))
    return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

}  // namespace

std::optional<std::string> ParseDate(std::string_view text) {
  std::string s = FoldCompact(text);
  if (EndsWith(s, "日") || EndsWith(s, "号")) s.resize(s.size() - 3);
  // Separators: - . / 年 月 (each counted once between numbers).
  std::vector<int> numbers;
  std::vector<int> widths;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] >= '0' && s[i] <= '9') {
      int value = 0, width = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9' && width < 9) {
        value = value * 10 + (s[i] - '0');
        ++width;
        ++i;
      }
      numbers.push_back(value);
      widths.push_back(width);
      continue;
    }
    if (numbers.empty()) return std::nullopt;
    if (s[i] == '-' || s[i] == '.' || s[i] == '/') {
      ++i;
    } else if (s.compare(i, 3, "年") == 0 || s.compare(i, 3, "月") == 0) {
      i += 3;
    } else {
      return std::nullopt;
    }
    if (i < s.size() && !(s[i] >= '0' && s[i] <= '9')) return std::nullopt;
  }
  if (numbers.size() == 1 && widths[0] == 8)
    return Format(numbers[0] / 10000, numbers[0] / 100 % 100, numbers[0] % 100);
  if (numbers.size() != 3 || widths[0] != 4 || widths[1] > 2 || widths[2] > 2)
    return std::nullopt;
  return Format(numbers[0], numbers[1], numbers[2]);
}

namespace {

// A period's end may name a month or a year only ("2024年12月", "2024年"):
// its first day when it starts the period, its last when it ends it.
std::optional<std::string> ParsePeriodEnd(std::string_view text, bool last) {
  if (std::optional<std::string> day = ParseDate(text)) return day;
  std::string s = FoldCompact(text);
  if (EndsWith(s, "底")) s.resize(s.size() - 3);  // "2024年底"
  if (EndsWith(s, "月") || EndsWith(s, "年")) s.resize(s.size() - 3);
  int y = 0, m = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "%4d%*[-./年]%2d%c", &y, &m, &tail) == 2) {
    if (m < 1 || m > 12) return std::nullopt;
    return Format(y, m, last ? DaysIn(y, m) : 1);
  }
  if (s.size() == 4 && std::sscanf(s.c_str(), "%4d%c", &y, &tail) == 1)
    return Format(y, last ? 12 : 1, last ? 31 : 1);
  return std::nullopt;
}

}  // namespace

std::optional<std::pair<std::string, std::string>> ParsePeriod(
    std::string_view text) {
  const std::string s = FoldCompact(text);
  auto split_at = [&](size_t at, size_t len)
      -> std::optional<std::pair<std::string, std::string>> {
    std::optional<std::string> start =
        ParsePeriodEnd(std::string_view(s).substr(0, at), false);
    std::optional<std::string> end =
        ParsePeriodEnd(std::string_view(s).substr(at + len), true);
    if (!start || !end || *end < *start) return std::nullopt;
    return std::make_pair(*start, *end);
  };
  for (std::string_view sep : {"至", "到", "~", "—", "–", "－"})
    if (size_t at = s.find(sep); at != std::string::npos) {
      size_t len = sep.size();  // "——" is one separator
      while (s.compare(at + len, sep.size(), sep) == 0) len += sep.size();
      return split_at(at, len);
    }
  // "2024-01-01-2024-12-31", "2024.1-2024.12": the hyphen both sides of
  // which read as dates.
  for (size_t at = s.find('-'); at != std::string::npos;
       at = s.find('-', at + 1))
    if (auto period = split_at(at, 1)) return period;
  return std::nullopt;
}

}  // namespace decltab::normalize
