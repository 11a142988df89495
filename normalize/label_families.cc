#include "normalize/label_families.h"

#include "normalize/text.h"

namespace decltab::normalize {

extern const std::string_view kLabelFamiliesText;

Result<std::vector<LabelFamilyEntry>> ParseLabelFamilies(
    std::string_view text) {
  std::vector<LabelFamilyEntry> out;
  int line_no = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view()
                                         : text.substr(end + 1);
    ++line_no;
    size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string_view::npos || line[start] == '#') continue;
    line = line.substr(start);
    size_t gap = line.find_first_of(" \t");
    std::string label =
        gap == std::string_view::npos ? "" : FoldCompact(line.substr(gap));
    if (label.empty())
      return Status::InvalidInput("label families: line " +
                                  std::to_string(line_no) + ": \"" +
                                  std::string(line) + "\" has no label");
    out.push_back({std::string(line.substr(0, gap)), label});
  }
  return out;
}

std::string_view BuiltInLabelFamiliesText() { return kLabelFamiliesText; }

const std::vector<LabelFamilyEntry>& LabelFamilies() {
  static const std::vector<LabelFamilyEntry> families = [] {
    Result<std::vector<LabelFamilyEntry>> parsed =
        ParseLabelFamilies(kLabelFamiliesText);
    return parsed.ok() ? std::move(parsed).value()
                       : std::vector<LabelFamilyEntry>{};
  }();
  return families;
}

std::vector<LabelFamilyEntry> LabelFamiliesOf(std::string_view prefix) {
  std::vector<LabelFamilyEntry> out;
  for (const LabelFamilyEntry& e : LabelFamilies())
    if (StartsWith(e.field, prefix)) out.push_back(e);
  return out;
}

}  // namespace decltab::normalize
