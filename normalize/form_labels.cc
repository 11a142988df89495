#include "normalize/form_labels.h"

#include <algorithm>

#include "normalize/form_reader.h"
#include "normalize/indicator_reader.h"
#include "normalize/text.h"
#include "normalize/vocabulary.h"

namespace decltab::normalize {
namespace {

// Labels no reader matches by name: cell values every form offers as a
// choice, budget table headers, and other templates' wording, listed so that
// they are kept rather than pulled to a near neighbour. Indicator names
// without 指标 (服务对象满意度) are left out: 三级指标 are free text that
// often reads like them (服务对象满意率, 受众对象满意度), and the length rule
// keeps them from the 指标 forms.
constexpr const char* kOtherLabels[] = {
    "经常性项目", "一次性项目",   "延续性项目", "新增项目",
    "项目组成",   "资金需求",     "项目资金",   "项目绩效目标",
    "绩效目标",   "年度绩效目标", "实施期绩效目标", "总体目标",
    "项目负责人", "联系电话",     "项目属性",
};

// A budget table's header row holds one of these (…项目组成, 资金需求) and
// the short headers.
constexpr const char* kBudgetHeaderMarks[] = {"项目组成", "资金需求"};
constexpr const char* kShortHeaders[] = {"数量", "单价"};

// Opens a label for a part of the row above ("其中:当年财政拨款"); kept as
// read, the label after it compared.
constexpr char kPartOf[] = "其中:";

// Shortest text compared; two- and three-character labels (数量, 单价) are
// too close to ordinary words.
constexpr size_t kMinCodePoints = 4;
// Longest tail read without its ")" that is closed (a unit: 元, 万元).
constexpr size_t kMaxOpenTail = 3;
// From this length a label may have two characters misread.
constexpr size_t kTwoEditsFrom = 7;

}  // namespace

const std::vector<std::string>& FixedLabels() {
  static const std::vector<std::string> labels = [] {
    std::vector<std::string> all = FormLabelTexts();
    for (const std::string& s : IndicatorHeaderTexts()) all.push_back(s);
    for (Level level : {Level::kLevel1, Level::kLevel2})
      for (const std::string& s : Vocabulary(level)) all.push_back(s);
    for (const char* s : kOtherLabels) all.push_back(s);
    for (std::string& s : all) s = FoldCompact(s);
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
  }();
  return labels;
}

std::string RestoreFixedLabel(std::string_view cell_text) {
  const std::string folded = FoldCompact(cell_text);
  std::string prefix, head = folded, tail;
  if (StartsWith(head, kPartOf)) {
    prefix = kPartOf;
    head = head.substr(prefix.size());
  }
  const size_t open = head.find('(');
  // A short tail left open at the text's end lost its ")" at a line end
  // ("项目资金(元" wrapped as 项目 / 资金 / (元)).
  const bool has_tail = open != std::string::npos && open > 0;
  const bool closed = has_tail && head.back() == ')';
  const bool left_open = has_tail && head.find(')', open) == std::string::npos &&
                         CodePointCount(head.substr(open + 1)) <= kMaxOpenTail;
  if (closed || left_open) {
    tail = head.substr(open) + (left_open ? ")" : "");
    head = head.substr(0, open);
  }
  const std::vector<std::string>& labels = FixedLabels();
  if (std::binary_search(labels.begin(), labels.end(), head))
    return left_open ? prefix + head + tail : std::string(cell_text);
  // Specks after a label's last character read as an ellipsis (folded to
  // dots: "年度指标值…"); no label ends in one.
  const std::string undotted = head.substr(0, head.find_last_not_of('.') + 1);
  if (undotted.size() < head.size() &&
      std::binary_search(labels.begin(), labels.end(), undotted))
    return prefix + undotted + tail;
  const std::u32string u = ToU32(head);
  if (u.size() < kMinCodePoints) return std::string(cell_text);
  const size_t length = u.size() + CodePointCount(prefix);
  const std::string* label = NearestEntry(
      u, labels, length >= kTwoEditsFrom ? 2 : 1, /*max_length_change=*/1);
  return label ? prefix + *label + tail : std::string(cell_text);
}

void RestoreShortHeaders(std::vector<std::string>* row) {
  const bool header_row = std::any_of(row->begin(), row->end(), [](const std::string& t) {
    const std::string folded = FoldCompact(t);
    return std::any_of(std::begin(kBudgetHeaderMarks), std::end(kBudgetHeaderMarks),
                       [&](const char* mark) { return folded.find(mark) != std::string::npos; });
  });
  if (!header_row) return;
  for (std::string& text : *row) {
    const std::u32string u = ToU32(FoldCompact(text));
    if (u.size() != 2) continue;
    const char* nearest = nullptr;
    int near_count = 0;
    for (const char* header : kShortHeaders) {
      const std::u32string h = ToU32(header);
      if (u == h) {
        near_count = 0;
        break;
      }
      if ((u[0] == h[0]) != (u[1] == h[1])) {
        nearest = header;
        ++near_count;
      }
    }
    if (near_count == 1) text = nearest;
  }
}

}  // namespace decltab::normalize
