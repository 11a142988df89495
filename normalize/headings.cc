#include "normalize/headings.h"

#include "normalize/text.h"

namespace decltab::normalize {
namespace {

bool IsNumeral(char32_t c) {
  return (c >= '0' && c <= '9') ||
         std::u32string_view(U"一二三四五六七八九十零").find(c) !=
             std::u32string_view::npos;
}

bool IsDash(char32_t c) {
  return c == '-' || c == U'—' || c == U'–' || c == U'―' || c == U'−' ||
         c == '~' || c == ':' || c == '_';
}

// Words a form's title uses: its start ends the budget section.
constexpr const char* kFormTitles[] = {"绩效目标填报表", "绩效目标申报表",
                                       "绩效目标表"};

}  // namespace

std::optional<std::string> MatchProjectHeading(std::string_view folded) {
  std::u32string s = ToU32(folded);
  size_t p = s.find(U"情况说");
  if (p == std::u32string::npos || s.size() > 60) return std::nullopt;
  std::u32string before = s.substr(0, p);
  if (before.size() > 8 ||
      (!before.empty() && before.find(U"经费") == std::u32string::npos &&
       before.find(U"项目") == std::u32string::npos))
    return std::nullopt;
  size_t q = p + 3;
  if (q < s.size() && s[q] == U'明') ++q;
  size_t dashes = q;
  while (q < s.size() && (IsDash(s[q]) || s[q] == ' ')) ++q;
  // "一一" is how OCR reads "--" in a Song face.
  if (q == dashes && q + 1 < s.size() && s[q] == U'一' && s[q + 1] == U'一')
    q += 2;
  std::u32string name = s.substr(q);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return ToUtf8(name);
}

size_t FindNumberedHeading(std::string_view folded, std::string_view keyword,
                           size_t* end) {
  std::u32string s = ToU32(folded), k = ToU32(keyword);
  for (size_t p = s.find(k); p != std::u32string::npos; p = s.find(k, p + 1)) {
    size_t i = p;
    if (i > 0 && (s[i - 1] == U'、' || s[i - 1] == '.' || s[i - 1] == ')')) {
      size_t mark = i - 1;
      size_t j = mark;
      while (j > 0 && IsNumeral(s[j - 1])) --j;
      if (j < mark) i = (j > 0 && s[j - 1] == '(') ? j - 1 : j;
    }
    if (i == p && p != 0) continue;  // not numbered, not at the start
    *end = ToUtf8(s.substr(0, p + k.size())).size();
    return ToUtf8(s.substr(0, i)).size();
  }
  return std::string_view::npos;
}

bool FindBudgetHeading(std::string_view folded, std::string* rest) {
  size_t end = 0;
  size_t start = FindNumberedHeading(folded, "年度预算", &end);
  if (start == std::string_view::npos) return false;
  std::string_view after = folded.substr(end);
  for (const char* tail : {"安排", "情况", "明细", "编制"})
    if (StartsWith(after, tail))
      after.remove_prefix(std::string_view(tail).size());
  *rest = std::string(after);
  return true;
}

bool FindGoalsHeading(std::string_view folded, std::string* before) {
  size_t end = 0;
  size_t start = FindNumberedHeading(folded, "绩效目标", &end);
  // "绩效目标" opening a long sentence is prose, not the heading.
  if (start == 0 && CodePointCount(folded) > 16) {
    bool form_title = false;
    for (const char* t : kFormTitles)
      if (folded.find(t) != std::string_view::npos) form_title = true;
    if (!form_title) start = std::string_view::npos;
  }
  if (start == std::string_view::npos) {
    for (const char* t : kFormTitles) {
      size_t p = folded.find(t);
      if (p == std::string_view::npos) continue;
      // Back up over the title's opening words ("财政项目支出").
      size_t s = folded.rfind("财政", p);
      start = s != std::string_view::npos && p - s <= 18 ? s : p;
      break;
    }
  }
  if (start == std::string_view::npos) return false;
  *before = std::string(folded.substr(0, start));
  return true;
}

bool LooksLikeHeading(std::string_view folded) {
  std::u32string s = ToU32(folded);
  if (s.empty()) return false;
  if (s.size() > 1 && IsNumeral(s[0])) {
    size_t i = 0;
    while (i < s.size() && IsNumeral(s[i])) ++i;
    if (i < s.size() && (s[i] == U'、' || s[i] == '.')) return true;
  }
  if (s[0] == '(' && s.size() > 2 && IsNumeral(s[1])) return true;
  for (const char* word : {"情况", "说明", "概述"})
    if (EndsWith(folded, word)) return true;
  return false;
}

}  // namespace decltab::normalize
