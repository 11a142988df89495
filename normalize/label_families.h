// The label families of normalize/label_families.txt: which field each label
// a form prints names. Internal to normalize/.
#ifndef DECLTAB_NORMALIZE_LABEL_FAMILIES_H_
#define DECLTAB_NORMALIZE_LABEL_FAMILIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace decltab::normalize {

struct LabelFamilyEntry {
  std::string field;  // "name", "funds.total", "indicator.target" …
  std::string label;  // FoldCompact form, e.g. "项目名称(全称)"
};

// Parses the file's text: "FIELD LABEL" a line, # comments and blank lines
// skipped. Fails (kInvalidInput) naming the line for a line without a label.
Result<std::vector<LabelFamilyEntry>> ParseLabelFamilies(std::string_view text);

// The text of label_families.txt as built into decltab.
std::string_view BuiltInLabelFamiliesText();

// The families built into decltab, parsed once. A malformed built-in file
// fails the test suite (label_families_test), not a run: such lines are left
// out here.
const std::vector<LabelFamilyEntry>& LabelFamilies();

// The labels of every field starting with `prefix` ("indicator."), in file
// order.
std::vector<LabelFamilyEntry> LabelFamiliesOf(std::string_view prefix);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_LABEL_FAMILIES_H_
