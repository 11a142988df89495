// Budget prose and captions (see budget_reader.h).
#include <algorithm>

#include "normalize/amount.h"
#include "normalize/budget_reader.h"
#include "normalize/money_units.h"
#include "normalize/text.h"

namespace decltab::normalize {
namespace {

// Words between an item and its amount ("XX预算为10万元"), stripped from the
// end of the item, longest first.
constexpr const char* kItemTails[] = {
    "预算金额为", "预算资金为", "预计为", "预算为", "约为", "合计为",
    "共计为",     "预算",       "共计",   "合计",   "总计", "约",
    "为",         "是",         "需",     ":",      "的",   "计",
};

// Clauses whose amount is context, not this year's line: a multi-year
// contract sum split over years, a total investment.
constexpr const char* kContextWords[] = {"中标金额", "合同金额", "合同总额",
                                         "总投资", "中标价"};

std::vector<std::string> SplitClauses(std::string_view text) {
  std::vector<std::string> out;
  std::u32string cur;
  int depth = 0;
  for (char32_t c : ToU32(text)) {
    if (c == '(' || c == U'《' || c == '[' || c == U'“' || c == U'【') ++depth;
    if ((c == ')' || c == U'》' || c == ']' || c == U'”' || c == U'】') &&
        depth > 0)
      --depth;
    // "、" lists items of one clause ("A、B、C三个平台运维费8万元") unless
    // the clause before it already ends in its amount ("A为8万元、B为2万元").
    const bool list_comma = c == U'、' && (cur.empty() || cur.back() != U'元');
    if (depth == 0 && !list_comma &&
        (c == ',' || c == U'、' || c == ';' || c == U'。' || c == U'!' ||
         c == U'?')) {
      out.push_back(ToUtf8(cur));
      cur.clear();
      continue;
    }
    cur.push_back(c);
  }
  out.push_back(ToUtf8(cur));
  return out;
}

// Finds an amount at the end of `clause`: sets *number_start and returns the
// amount text ("285.696万元"), or "" when the clause does not end in one.
std::string TrailingAmount(std::string_view clause, size_t* number_start) {
  std::string_view s = clause;
  // "115万元/年": an annual figure is still the clause's amount.
  size_t slash = s.rfind('/');
  if (slash != std::string_view::npos) s = s.substr(0, slash);
  const std::string_view unit = TrailingMoneyUnit(s);
  if (unit.empty()) return "";
  size_t end = s.size() - unit.size();
  size_t begin = end;
  while (begin > 0 && ((s[begin - 1] >= '0' && s[begin - 1] <= '9') ||
                       s[begin - 1] == '.' || s[begin - 1] == ','))
    --begin;
  while (begin < end && !(s[begin] >= '0' && s[begin] <= '9')) ++begin;
  if (begin == end) return "";
  *number_start = begin;
  return std::string(s.substr(begin));
}

// Like ContainsAny, but a word of 4+ characters also counts when OCR read it
// with one character added, dropped or changed ("中标人金额" for 中标金额):
// missing a context word turns a contract sum into a budget line.
template <typename Words>
bool ContainsAnyRead(std::string_view text, const Words& words) {
  if (ContainsAny(text, words)) return true;
  const std::u32string t = ToU32(text);
  for (std::string_view word : words) {
    const std::u32string w = ToU32(word);
    if (w.size() < 4) continue;
    for (size_t len = w.size() - 1; len <= w.size() + 1; ++len)
      for (size_t at = 0; at + len <= t.size(); ++at)
        if (EditDistance(std::u32string_view(t).substr(at, len), w) <= 1)
          return true;
  }
  return false;
}

}  // namespace

bool IsBudgetCaption(std::string_view folded) {
  if (folded.empty() || CodePointCount(folded) > 40) return false;
  if (EndsWith(folded, "。") || folded.find(',') != std::string_view::npos)
    return false;
  for (const std::string& clause : SplitClauses(folded)) {
    size_t start;
    if (!TrailingAmount(clause, &start).empty()) return false;
  }
  return true;
}

BudgetRead ReadBudgetProse(std::string_view folded, const Source& source) {
  BudgetRead out;
  for (std::string clause : SplitClauses(FoldCompact(folded))) {
    size_t start = 0;
    std::string amount_text = TrailingAmount(clause, &start);
    if (amount_text.empty()) continue;
    if (ContainsAnyRead(clause, kContextWords)) continue;
    Result<StatedAmount> amount = ParseAmount(amount_text);
    if (!amount.ok()) {
      out.warnings.push_back(source.where + ": " + amount.status().message());
      continue;
    }
    std::string item = clause.substr(0, start);
    if (StartsWith(item, "其中"))
      item = item.substr(std::string("其中").size());
    bool total = item.empty() || ContainsAny(item, kProseTotalWords);
    for (bool stripped = true; stripped && !item.empty();) {
      stripped = false;
      for (const char* tail : kItemTails)
        if (EndsWith(item, tail)) {
          item.resize(item.size() - std::string_view(tail).size());
          stripped = true;
          break;
        }
    }
    StatedAmount a = std::move(amount).value();
    a.source = source;
    a.source.raw = amount_text;
    if (total && item.empty()) {
      out.totals.push_back(a);
      continue;
    }
    BudgetLine line;
    line.raw = clause;
    line.item = item;
    line.amount = a;
    line.confidence = a.source.confidence;
    // The builder decides total-like lines: it sees the other lines.
    if (total)
      out.total_candidates.push_back(line);
    else
      out.lines.push_back(line);
  }
  return out;
}

}  // namespace decltab::normalize
