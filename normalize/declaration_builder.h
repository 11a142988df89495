// The normalize stage: turns a DocumentLayout (pages of ruled tables with
// cell texts, and text blocks, from OCR or a text layer) into a Declaration.
// Everything is found by labels and headings, never by positions:
//   - title and stated project count/total from the preamble before the
//     first project;
//   - a project starts at a "项目经费情况说明--NAME" heading, or at a form
//     (a table with 项目名称) when the open project already has one;
//   - 六、年度预算安排 … 七、绩效目标: budget tables and prose;
//   - the form's header grid by labels, and its indicator table by header
//     labels, continued across page breaks by column geometry.
// Amounts are exact Fen; each value keeps its Source (page, cell, raw text,
// lowest OCR confidence). Problems that do not stop reading become
// Project::warnings / Declaration::warnings.
#ifndef DECLTAB_NORMALIZE_DECLARATION_BUILDER_H_
#define DECLTAB_NORMALIZE_DECLARATION_BUILDER_H_

#include "core/declaration.h"
#include "core/fen.h"
#include "core/page_layout.h"
#include "core/result.h"

namespace decltab::normalize {

struct BuildOptions {
  // LabelSimilarity at or above which an OCR'd cell counts as a form or
  // header label.
  double label_similarity = 0.8;
  // A table continues the open indicator table when its column lines are
  // within this fraction of the page width of the open table's.
  double column_tolerance = 0.02;
  // Unit of bare numbers in budget tables with no unit in the header or a
  // 单位 note (Fen per number: 100 = 元).
  Fen budget_unit{100};
};

// Fails (kInvalidInput) only for a layout without pages; a layout in which
// nothing is recognised gives a Declaration without projects.
Result<Declaration> BuildDeclaration(const DocumentLayout& layout,
                                     const BuildOptions& options);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_DECLARATION_BUILDER_H_
