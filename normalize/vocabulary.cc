#include "normalize/vocabulary.h"

#include <cstring>

#include <climits>
#include <cstdlib>

#include "normalize/text.h"

namespace decltab::normalize {

const std::vector<std::string>& Vocabulary(Level level) {
  // 财政支出项目绩效目标 indicator framework: the 2021 national common
  // framework (产出/效益/满意度) plus the 投入/过程/成本 first levels some
  // regions' templates use.
  static const std::vector<std::string> kLevel1 = {
      "产出指标", "效益指标", "满意度指标", "投入指标", "过程指标", "成本指标",
  };
  static const std::vector<std::string> kLevel2 = {
      "数量指标",           "质量指标",     "时效指标",     "成本指标",
      "经济效益指标",       "社会效益指标", "生态效益指标", "可持续影响指标",
      "服务对象满意度指标", "满意度指标",   "经济成本指标", "社会成本指标",
      "生态环境成本指标",
  };
  return level == Level::kLevel1 ? kLevel1 : kLevel2;
}

std::string SnapLabel(std::string_view text, Level level) {
  std::string folded = FoldCompact(text);
  if (folded.empty()) return folded;
  const std::vector<std::string>& vocab = Vocabulary(level);
  for (const std::string& entry : vocab)
    if (folded == entry) return entry;
  // The form's own section label read into the cell ("绩效指标" + "效益指标"
  // when the ruling line between them is lost).
  for (const char* section : {"绩效指标", "绩效目标"})
    if (StartsWith(folded, section) && folded.size() > strlen(section))
      return SnapLabel(folded.substr(strlen(section)), level);
  // A wrapped cell whose lone last character was lost. A label written
  // without 指标 (满意度, 经济效益) is the form's own wording and is kept.
  for (const std::string& entry : vocab)
    if (folded + "标" == entry) return entry;

  const std::u32string u = ToU32(folded);
  const std::string* nearest =
      NearestEntry(u, vocab, u.size() >= 6 ? 2 : 1, /*max_length_change=*/INT_MAX);
  if (nearest != nullptr) return *nearest;
  return folded;
}

const std::string* NearestEntry(std::u32string_view text,
                                const std::vector<std::string>& entries,
                                int max_edits, int max_length_change) {
  int best = INT_MAX, second = INT_MAX;
  const std::string* best_entry = nullptr;
  long length_change = 0;
  for (const std::string& entry : entries) {
    const std::u32string e = ToU32(entry);
    const int d = EditDistance(text, e);
    if (d < best) {
      second = best;
      best = d;
      best_entry = &entry;
      length_change = static_cast<long>(e.size()) - static_cast<long>(text.size());
    } else if (d < second) {
      second = d;
    }
  }
  if (best_entry == nullptr || best > max_edits || best >= second) return nullptr;
  return std::labs(length_change) <= max_length_change ? best_entry : nullptr;
}

}  // namespace decltab::normalize
