#include "normalize/target.h"

#include "core/decimal.h"
#include "normalize/text.h"

namespace decltab::normalize {
namespace {

// Comparison prefixes, longest first so ">=" wins over ">", with the words
// forms use for them.
struct OpWord {
  const char* text;
  const char* op;
};
constexpr OpWord kPrefixes[] = {
    {">=", ">="},       {"<=", "<="},       {"=>", ">="},     {"=<", "<="},
    {"≠", ""},          {">", ">"},         {"<", "<"},       {"=", "="},
    {"大于等于", ">="}, {"小于等于", "<="}, {"不少于", ">="}, {"不低于", ">="},
    {"不小于", ">="},   {"至少", ">="},     {"不超过", "<="}, {"不高于", "<="},
    {"不多于", "<="},   {"不大于", "<="},   {"最多", "<="},   {"大于", ">"},
    {"高于", ">"},      {"超过", ">"},      {"小于", "<"},    {"低于", "<"},
    {"达到", ">="},
};

// Suffixes after the unit that carry the comparison: "48小时内", "100人以上".
constexpr OpWord kSuffixes[] = {
    {"(含)以上", ">="}, {"及以上", ">="}, {"以上", ">="}, {"以内", "<="},
    {"之内", "<="},     {"以下", "<="},   {"内", "<="},
};

bool IsDigitChar(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string NormalizeTarget(std::string_view text) { return FoldCompact(text); }

std::optional<TargetParsed> ParseTarget(std::string_view normalized) {
  std::string_view s = normalized;
  TargetParsed t;
  for (const OpWord& w : kPrefixes) {
    if (StartsWith(s, w.text)) {
      if (*w.op == '\0') return std::nullopt;
      t.op = w.op;
      s.remove_prefix(std::string_view(w.text).size());
      break;
    }
  }
  size_t i = 0;
  while (i < s.size() && (IsDigitChar(s[i]) || s[i] == '.' || s[i] == ',')) ++i;
  if (i == 0) return std::nullopt;
  std::optional<Decimal> value = Decimal::Parse(std::string(s.substr(0, i)));
  if (!value) return std::nullopt;
  t.value = *value;
  std::string_view unit = s.substr(i);
  for (const OpWord& w : kSuffixes) {
    if (EndsWith(unit, w.text) && unit.size() > 0) {
      if (!t.op.empty()) break;  // ">=5天以内" says it twice: take the prefix
      t.op = w.op;
      unit.remove_suffix(std::string_view(w.text).size());
      break;
    }
  }
  if (t.op.empty()) t.op = "=";
  for (char c : unit)
    if (IsDigitChar(c) || c == '-' || c == '~' || c == '/' || c == '=' ||
        c == '<' || c == '>')
      return std::nullopt;
  if (CodePointCount(unit) > 4) return std::nullopt;
  // "2023年底前" is a deadline, not a quantity.
  for (const char* word : {"前", "后", "底", "起"})
    if (unit.find(word) != std::string_view::npos) return std::nullopt;
  t.unit = std::string(unit);
  return t;
}

std::string DoubtfulTarget(std::string_view level3, std::string_view normalized,
                           const std::optional<TargetParsed>& parsed) {
  const bool rate = level3.find("率") != std::string_view::npos ||
                    level3.find("满意度") != std::string_view::npos;
  const bool growth = level3.find("增长") != std::string_view::npos ||
                      level3.find("增幅") != std::string_view::npos ||
                      level3.find("提高") != std::string_view::npos;
  if (parsed && rate && !growth && parsed->unit == "%" &&
      parsed->value.ToDouble() > 100.0)
    return "target \"" + std::string(normalized) + "\" is a rate above 100%";
  // The text before the first digit.
  size_t digit = 0;
  while (digit < normalized.size() && !IsDigitChar(normalized[digit])) ++digit;
  if (parsed || digit == 0 || digit == normalized.size()) return "";
  const std::u32string prefix = ToU32(normalized.substr(0, digit));
  auto letter = [](char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); };
  const bool garbled_sign =
      (prefix.size() == 1 && (letter(prefix[0]) || prefix[0] == U'之' || prefix[0] == U'么')) ||
      (prefix.size() == 2 && letter(prefix[0]) &&
       (prefix[1] == U'=' || prefix[1] == U'<' || prefix[1] == U'>'));
  if (garbled_sign)
    return "target \"" + std::string(normalized) + "\": comparison sign unreadable";
  return "";
}

}  // namespace decltab::normalize
