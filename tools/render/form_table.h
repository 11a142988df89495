// Builds the ruled tables of a project: the 绩效目标填报表 form (one table of
// four bands) and the budget tables of 六、年度预算安排.
#ifndef DECLTAB_TOOLS_RENDER_FORM_TABLE_H_
#define DECLTAB_TOOLS_RENDER_FORM_TABLE_H_

#include <vector>

#include "tools/render/declaration_spec.h"
#include "tools/render/form_labels.h"
#include "tools/render/render_style.h"
#include "tools/render/ruled_table.h"

namespace decltab::render {

// Sizes the builders need, in points.
struct TableMetrics {
  double width = 465;  // table width (the text width)
  double em = 10.5;    // table font size: one CJK character is 1 em wide
  double pad_x = 3;    // cell padding left and right
};

// Where each indicator and budget-line row sits in the built table.
struct FormRows {
  int indicator_band = 3;
  int first_indicator_row = 1;  // row of indicators[0] within that band
};

// The form: header grid, funds block, goals block, indicator block (bands
// 0..3). Narrow label columns are sized in characters so their labels wrap
// like the real form (项目/资金/(元), 产出指/标); wide columns share the
// rest with weights jittered by ±15%.
RuledTable BuildFormTable(const ProjectSpec& project, const FormLabels& labels,
                          const TableMetrics& metrics, Jitter* jitter,
                          FormRows* rows);

// A budget table as one band: header rows bold and centred, merges drawn as
// one cell, column weights jittered by ±15%.
RuledTable BuildBudgetTable(const BudgetTableSpec& table,
                            const TableMetrics& metrics, Jitter* jitter);

// Whether a budget-table row holds a budget line: header rows and totals rows
// (first cell 合计/小计/总计) do not.
bool IsBudgetLineRow(const BudgetTableSpec& table, int row);

}  // namespace decltab::render

#endif  // DECLTAB_TOOLS_RENDER_FORM_TABLE_H_
