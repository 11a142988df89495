#include "core/decimal.h"

#include <cstdlib>

namespace decltab {
namespace {

int64_t Pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

}  // namespace

std::optional<Decimal> Decimal::Parse(const std::string& text) {
  Decimal d;
  bool negative = false, seen_digit = false, seen_point = false;
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      // Exactly the values that fit: 9223372036854775807 is accepted.
      if (d.mantissa > (INT64_MAX - (c - '0')) / 10) return std::nullopt;
      d.mantissa = d.mantissa * 10 + (c - '0');
      seen_digit = true;
      if (seen_point && ++d.scale > 9) return std::nullopt;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else if (c == ',' && seen_digit && !seen_point) {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit) return std::nullopt;
  if (negative) d.mantissa = -d.mantissa;
  return d;
}

std::string Decimal::ToString() const {
  int64_t m = mantissa < 0 ? -mantissa : mantissa;
  std::string digits = std::to_string(m);
  if (scale > 0) {
    while (static_cast<int>(digits.size()) <= scale) digits = "0" + digits;
    digits.insert(digits.size() - scale, ".");
  }
  return (mantissa < 0 ? "-" : "") + digits;
}

double Decimal::ToDouble() const {
  return std::strtod(ToString().c_str(), nullptr);
}

std::optional<Fen> Decimal::Times(Fen amount) const {
  __int128 product = static_cast<__int128>(mantissa) * amount.count();
  int64_t div = Pow10(scale);
  if (product % div != 0) return std::nullopt;
  __int128 result = product / div;
  if (result > INT64_MAX || result < INT64_MIN) return std::nullopt;
  return Fen(static_cast<int64_t>(result));
}

bool Decimal::operator==(const Decimal& o) const {
  // Compare at a common scale: 0.50 == 0.5.
  int s = scale > o.scale ? scale : o.scale;
  return static_cast<__int128>(mantissa) * Pow10(s - scale) ==
         static_cast<__int128>(o.mantissa) * Pow10(s - o.scale);
}

}  // namespace decltab
