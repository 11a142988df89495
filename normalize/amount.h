// Money, quantities and written-out products read from cell or prose text.
// Amounts go straight from decimal text to Fen (0.01 元), never through
// double. Texts are folded first (normalize/text.h), so full-width digits,
// "10. 39" (an OCR space after the point) and "275 万元" are accepted; a space
// between two digits ("2 75万元") is not, since it hides a lost digit or a
// merged cell.
#ifndef DECLTAB_NORMALIZE_AMOUNT_H_
#define DECLTAB_NORMALIZE_AMOUNT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/declaration.h"
#include "core/fen.h"
#include "core/result.h"
#include "normalize/money_units.h"

namespace decltab::normalize {

// Parses one amount: an optional ¥, a decimal number (thousands commas
// allowed), an optional unit of kMoneyUnits (元, 万元, 万, 千元 …), and an optional
// per-unit suffix that is ignored ("150 元/人" is 150 元). A bare number is in
// `unit_of_bare_numbers` (元 unless a column or form says 万元).
// The precision is the unit of the last written digit: "1234.50万元" →
// 10000 fen, "1250000.00" → 1 fen, "275 万元" → 100 fen (a whole figure is exact to the 元).
// source.raw is `text`; the caller fills page/where/confidence.
// Fails (kInvalidInput) with `cannot parse amount "<text>"`, or
// `amount "<text>" is not a whole fen` for "0.001元".
Result<StatedAmount> ParseAmount(std::string_view text,
                                 Fen unit_of_bare_numbers = kYuan);

// Confidence given to an amount read by guessing (ReadStrokesAsOnes) or read
// with a digit evidently lost (LostLeadingDigit): below any sensible
// --min-confidence, so checks on it are unverifiable.
inline constexpr float kGuessedConfidence = 0.2f;

// True when the amount's number opens with a 0 followed by more digits
// ("040000", "¥0,500"): no stated amount is written so, OCR lost or
// misread the digit before the 0. A parsed value of it is kept but unsure.
bool LostLeadingDigit(std::string_view amount_text);

// chi_sim reads a 1 beside other digits as a vertical stroke: "2]万元" for
// 21万元. Returns `text` with every stroke (] | l I 丨) that stands between a
// digit and a digit or money unit (万 元 亿 千) read as 1, or nullopt when
// there is none. The reading is a guess ("21]万元" may be 21万元 with a
// speck): callers mark what they parse from it as unsure.
std::optional<std::string> ReadStrokesAsOnes(std::string_view text);

// A count with an optional unit: "2000 人" → {2000, "人"}, "11" → {11, none},
// "47(件)" → {47, "件"}. The unit is at most 4 characters and holds no
// digit. Fails with `cannot parse quantity "<text>"`.
struct QuantityWithUnit {
  Decimal value;
  std::optional<std::string> unit;
};
Result<QuantityWithUnit> ParseQuantity(std::string_view text);

// A product written in a cell: "800×47=38000", "$800 \times 47 = 38000$",
// "10.39×3850=40000", "800元×47次=38000元". Factors keep their order; units
// next to factors are dropped. The result is kept as text so the caller can
// read it as money in the column's unit (ParseAmount(result_text, unit)).
// Fails with `cannot parse formula "<text>"`.
struct Formula {
  std::vector<Decimal> factors;  // two or more
  std::string result_text;       // folded, e.g. "38000" or "3.8万元"
};
Result<Formula> ParseFormula(std::string_view text);

// True when folded `text` looks like a formula (has × and =), so callers can
// tell a formula cell from a plain amount before parsing.
bool LooksLikeFormula(std::string_view text);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_AMOUNT_H_
