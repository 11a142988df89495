// Restores the fixed labels of a scanned declaration's tables that OCR
// misread by a character or two ("数最指标" → 数量指标, "其中:当年财政投效" →
// 其中:当年财政拨款). Low-resolution scans confuse a few glyph pairs
// (量/最, 目/日, 拨款/投效) again and again, and the labels are where a reader
// of the layout and the label matchers look first.
#ifndef DECLTAB_NORMALIZE_FORM_LABELS_H_
#define DECLTAB_NORMALIZE_FORM_LABELS_H_

#include <string>
#include <string_view>
#include <vector>

namespace decltab::normalize {

// Every label a declaration's tables are known to print: the form's header
// labels and indicator column headers in every regional spelling the
// readers know, the indicator vocabulary (vocabulary.h), the project
// categories and the budget tables' fixed headers. No content.
const std::vector<std::string>& FixedLabels();

// The fixed label `cell_text` is a near miss of, else `cell_text` unchanged.
// A near miss: after FoldCompact, at least 4 code points, one edit away from
// exactly one label (two for 7+ code points), that label strictly nearer
// than any other and at most one code point longer or shorter. A text that
// is a label, or as near two labels ("X量指标"), or shorter than 4 code
// points ("数嫩" for 数量) is kept. A bracketed tail and a leading 其中: are
// kept as read and only the text between them compared
// ("项日总目标(2023年-2023年)" → 项目总目标(2023年-2023年)); the 其中: counts
// towards the length. A tail of at most three code points left open at the
// end of a label is closed ("项目资金(元" → 项目资金(元)): its ")" was lost
// at a line end.
std::string RestoreFixedLabel(std::string_view cell_text);

// Restores the short budget-table headers (数量, 单价) among `row`, the cell
// texts of one table row. Alone they are too close to ordinary words, but
// in a row that also holds a budget table's long header (…项目组成,
// 资金需求) a two-character text one character off one of them is that
// header: "数如" → 数量, "音价" → 单价. Other texts are left as they are.
void RestoreShortHeaders(std::vector<std::string>* row);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_FORM_LABELS_H_
