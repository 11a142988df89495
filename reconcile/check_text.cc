#include "reconcile/check_text.h"

#include <cstdio>

namespace decltab::reconcile {

std::string Yuan(Fen amount) { return amount.ToYuanString() + " 元"; }

std::string DescribeSource(const Source& source, bool with_raw) {
  std::string out;
  auto add = [&out](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += ' ';
    out += part;
  };
  if (source.page > 0) add("p" + std::to_string(source.page));
  add(source.where);
  if (with_raw && !source.raw.empty()) add("'" + source.raw + "'");
  char conf[32];
  std::snprintf(conf, sizeof conf, "(conf %.2f)", source.confidence);
  add(conf);
  return out;
}

std::string DescribeStated(const StatedAmount& amount) {
  std::string yuan = Yuan(amount.value);
  const std::string& raw = amount.source.raw;
  if (raw.empty() || raw == amount.value.ToYuanString()) return yuan;
  // A bare number already in 元 ("1250000") needs no conversion shown.
  std::optional<Decimal> plain = Decimal::Parse(raw);
  if (plain && plain->Times(Fen(100)) == amount.value) return raw + " 元";
  return raw + " (" + yuan + ")";
}

std::string DescribeFigure(const std::string& label,
                           const StatedAmount& amount) {
  return label + " " + DescribeStated(amount) + " at " +
         DescribeSource(amount.source, /*with_raw=*/false);
}

std::vector<std::string> LowConfidence(const std::vector<Input>& inputs,
                                       float min_confidence) {
  std::vector<std::string> low;
  for (const Input& input : inputs) {
    if (input.source == nullptr || input.source->confidence >= min_confidence)
      continue;
    low.push_back(input.label + " " + DescribeSource(*input.source));
  }
  return low;
}

std::string JoinLimited(const std::vector<std::string>& items, size_t limit) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < limit; ++i) {
    if (i > 0) out += "; ";
    out += items[i];
  }
  if (items.size() > limit)
    out += " (+" + std::to_string(items.size() - limit) + " more)";
  return out;
}

Check CompareToStated(const std::string& rule, Fen computed, Fen expected,
                      Fen tolerance, const std::string& what,
                      const std::vector<std::string>& low_confidence) {
  Check check;
  check.rule = rule;
  check.expected = expected;
  check.computed = computed;
  check.delta = computed - expected;
  bool holds = !(tolerance < AbsFen(*check.delta));
  check.detail = what + ": residue " + Yuan(*check.delta) +
                 (holds ? " within " : " exceeds ") + Yuan(tolerance);
  if (!low_confidence.empty()) {
    // A guess that happens to agree is still a guess.
    check.status = CheckStatus::kUnverifiable;
    check.detail += "; low confidence: " + JoinLimited(low_confidence, 5);
  } else {
    check.status = holds ? CheckStatus::kOk : CheckStatus::kMismatch;
  }
  return check;
}

Check Unverifiable(const std::string& rule, const std::string& why) {
  Check check;
  check.rule = rule;
  check.status = CheckStatus::kUnverifiable;
  check.detail = why;
  return check;
}

}  // namespace decltab::reconcile
