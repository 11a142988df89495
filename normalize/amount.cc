#include "normalize/amount.h"

#include <algorithm>

#include <cstdint>

#include "core/utf8.h"
#include "normalize/text.h"

namespace decltab::normalize {
namespace {

int64_t Pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Reads a decimal number at the start of `s` ("1,260.50", "-3"). Commas are
// accepted only before the point. Returns the number of bytes read (0 when
// there is no number).
size_t ReadDecimal(std::string_view s, Decimal* out) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    negative = s[i] == '-';
    ++i;
  }
  Decimal d;
  bool digit = false, point = false;
  size_t end = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      // Exactly the values that fit: 9223372036854775807 is accepted.
      if (d.mantissa > (INT64_MAX - (c - '0')) / 10) return 0;
      d.mantissa = d.mantissa * 10 + (c - '0');
      if (point && ++d.scale > 9) return 0;
      digit = true;
      end = i + 1;
    } else if (c == '.' && !point && digit && i + 1 < s.size() &&
               s[i + 1] >= '0' && s[i + 1] <= '9') {
      point = true;
    } else if (c == ',' && digit && !point && i + 1 < s.size() &&
               s[i + 1] >= '0' && s[i + 1] <= '9') {
      continue;
    } else {
      break;
    }
  }
  if (!digit) return 0;
  if (negative) d.mantissa = -d.mantissa;
  *out = d;
  return end;
}

std::string_view TrimTrailing(std::string_view s) {
  for (;;) {
    if (EndsWith(s, "。"))
      s.remove_suffix(3);
    else if (EndsWith(s, ",") || EndsWith(s, ";") || EndsWith(s, " "))
      s.remove_suffix(1);
    else
      return s;
  }
}

bool HasDigit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

}  // namespace

bool LostLeadingDigit(std::string_view amount_text) {
  const std::string folded = FoldText(amount_text);
  std::string_view s = folded;
  if (StartsWith(s, "¥")) s.remove_prefix(std::string_view("¥").size());
  if (s.size() < 2 || s[0] != '0') return false;
  return (s[1] >= '0' && s[1] <= '9') || s[1] == ',';
}

Result<StatedAmount> ParseAmount(std::string_view text,
                                 Fen unit_of_bare_numbers) {
  Status error =
      Status::InvalidInput("cannot parse amount \"" + std::string(text) + "\"");
  std::string folded = FoldText(text);
  std::string_view s = TrimTrailing(folded);
  if (StartsWith(s, "¥")) s.remove_prefix(std::string_view("¥").size());
  // "150元/人": the per-unit part belongs to a price, not to the amount.
  size_t slash = s.find('/');
  if (slash != std::string_view::npos && !HasDigit(s.substr(slash)))
    s = s.substr(0, slash);

  Decimal number;
  size_t used = ReadDecimal(s, &number);
  if (used == 0) return error;
  std::string_view unit_text = s.substr(used);
  const std::optional<Fen> named = MoneyUnitNamed(unit_text);
  if (!unit_text.empty() && !named) return error;
  const int64_t unit = named.value_or(unit_of_bare_numbers).count();
  if (unit <= 0) return error;

  std::optional<Fen> value = number.Times(Fen(unit));
  if (!value)
    return Status::InvalidInput("amount \"" + std::string(text) +
                                "\" is not a whole fen");
  StatedAmount amount;
  amount.value = *value;
  // A figure stated with decimals ("1234.50万元") holds to one unit of its
  // last digit: it may be a rounded sum. A whole figure ("1万元", "38000")
  // claims the exact amount, to the 元.
  int64_t step = Pow10(number.scale);
  amount.precision =
      number.scale == 0 ? Fen(std::min<int64_t>(unit, 100))
                        : Fen(unit % step == 0 ? unit / step : 1);
  amount.source.raw = std::string(text);
  return amount;
}

std::optional<std::string> ReadStrokesAsOnes(std::string_view text) {
  auto is_digit = [](char32_t c) { return c >= '0' && c <= '9'; };
  auto is_stroke = [](char32_t c) {
    return c == ']' || c == '|' || c == 'l' || c == 'I' || c == 0x4E28 ||  // 丨
           c == 0xFF5C;                                                    // ｜
  };
  auto is_digit_or_unit = [&](char32_t c) {
    return is_digit(c) || c == 0x4E07 || c == 0x5143 || c == 0x4EBF ||
           c == 0x5343;  // 万 元 亿 千
  };
  std::vector<char32_t> cs = DecodeUtf8(std::string(text));
  bool changed = false;
  for (size_t i = 1; i + 1 < cs.size(); ++i)
    if (is_stroke(cs[i]) && is_digit(cs[i - 1]) && is_digit_or_unit(cs[i + 1])) {
      cs[i] = '1';
      changed = true;
    }
  if (!changed) return std::nullopt;
  return EncodeUtf8(cs);
}

Result<QuantityWithUnit> ParseQuantity(std::string_view text) {
  Status error = Status::InvalidInput("cannot parse quantity \"" +
                                      std::string(text) + "\"");
  std::string folded = FoldCompact(text);
  std::string_view s = TrimTrailing(folded);
  QuantityWithUnit q;
  size_t used = ReadDecimal(s, &q.value);
  if (used == 0) return error;
  std::string unit(s.substr(used));
  // "47(件)": the unit in brackets.
  if (StartsWith(unit, "(") && EndsWith(unit, ")"))
    unit = unit.substr(1, unit.size() - 2);
  if (!unit.empty()) {
    if (HasDigit(unit) || CodePointCount(unit) > 4 ||
        unit.find_first_of("/()=×") != std::string::npos ||
        unit.find("元") != std::string::npos)
      return error;
    q.unit = unit;
  }
  return q;
}

bool LooksLikeFormula(std::string_view text) {
  std::string folded = FoldCompact(text);
  return folded.find('=') != std::string::npos &&
         (folded.find("×") != std::string::npos ||
          folded.find("\\times") != std::string::npos);
}

Result<Formula> ParseFormula(std::string_view text) {
  Status error = Status::InvalidInput("cannot parse formula \"" +
                                      std::string(text) + "\"");
  // LaTeX as some text layers carry it: "$800 \times 47 = 38000$".
  std::string raw(text);
  for (size_t p; (p = raw.find("\\times")) != std::string::npos;)
    raw.replace(p, 6, "×");
  std::string unlatexed;
  for (char c : raw)
    if (c != '$') unlatexed.push_back(c);
  std::string s = FoldCompact(unlatexed);

  size_t eq = s.find('=');
  if (eq == std::string::npos || s.find('=', eq + 1) != std::string::npos)
    return error;
  std::string lhs = s.substr(0, eq);
  Formula f;
  f.result_text = std::string(TrimTrailing(s.substr(eq + 1)));
  Decimal probe;
  if (ReadDecimal(f.result_text, &probe) == 0) return error;

  // Split the left side at any times sign.
  std::u32string u = ToU32(lhs);
  std::u32string part;
  std::vector<std::u32string> parts;
  for (char32_t c : u) {
    if (c == U'×' || c == 'x' || c == 'X' || c == '*') {
      parts.push_back(part);
      part.clear();
    } else {
      part.push_back(c);
    }
  }
  parts.push_back(part);
  if (parts.size() < 2) return error;
  for (const std::u32string& p : parts) {
    std::string factor = ToUtf8(p);
    Decimal d;
    size_t used = ReadDecimal(factor, &d);
    // Only a short unit may follow a factor ("800元", "47次").
    if (used == 0 || HasDigit(factor.substr(used)) ||
        CodePointCount(factor.substr(used)) > 3)
      return error;
    f.factors.push_back(d);
  }
  return f;
}

}  // namespace decltab::normalize
