// Decimal: an exact decimal number (mantissa × 10^-scale), for quantities and
// indicator values such as 0.5, 46 or 10.39. Never goes through double except
// in ToDouble(), which exporters use for JSON numbers.
#ifndef DECLTAB_CORE_DECIMAL_H_
#define DECLTAB_CORE_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/fen.h"

namespace decltab {

struct Decimal {
  int64_t mantissa = 0;
  int scale = 0;  // digits after the decimal point, 0..9

  // Parses "46", "0.5", "-3.25", "1,260.5"; nullopt on anything else.
  static std::optional<Decimal> Parse(const std::string& text);
  std::string ToString() const;  // "0.5", "46", "10.39" (no trailing zeros added)
  double ToDouble() const;

  // Exact product with an amount, or nullopt when it is not a whole fen
  // (e.g. 10.39 × 0.01 元) or overflows.
  std::optional<Fen> Times(Fen amount) const;

  bool operator==(const Decimal& o) const;
};

}  // namespace decltab

#endif  // DECLTAB_CORE_DECIMAL_H_
