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

}  // namespace decltab::normalize
