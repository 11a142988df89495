// Reads the header grid of a 绩效目标填报表 (项目名称 … 年度总目标) by its
// labels: each label cell's value is the nearest non-label cell to its right
// in the same row band; the two goals sit below their header cells. No
// positions or sizes are assumed. Internal to normalize/.
#ifndef DECLTAB_NORMALIZE_FORM_READER_H_
#define DECLTAB_NORMALIZE_FORM_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/declaration.h"
#include "core/page_layout.h"
#include "normalize/table_text.h"

namespace decltab::normalize {

// What one form's header grid says. Funds are in the form's unit (元 unless a
// label says 万元), already converted to Fen.
struct FormHeader {
  std::optional<std::string> name, category, department, implementer;
  std::optional<std::string> start_date, end_date;  // YYYY-MM-DD
  Funds funds;
  std::optional<std::string> overall_goal, annual_goal;
  std::vector<std::string> warnings;  // unparseable values, with their cell
  bool found_any_label = false;
  // Cells in a label column (the first, or one where a known label stands)
  // that read like a label (short, no figure) but are no label this reader
  // knows nor the value of one, with their cell ("table 1 r2c1:
  // \"项目负责人\""): what a template unknown to label_families.txt says.
  std::vector<std::string> unknown_labels;
};

// The header labels this reader knows, every regional spelling (the form
// fields of label_families.txt).
std::vector<std::string> FormLabelTexts();

// True when `name` ("funds.total") is a field of the form's header grid.
bool IsFormField(std::string_view name);

// True when the table holds a 项目名称 label (the form's first row).
bool IsFormTable(const Table& table, double min_similarity);

// The row of the form's 项目名称 label, if the table has one. Rows above it
// belong to something else (a budget table the grid joined to the form).
std::optional<int> FormNameRow(const Table& table, double min_similarity);

// A form whose header grid ended on the previous page: no 项目名称 cell, but
// at least two other header labels (项目资金总额, 年度资金申请总额 ...).
bool IsFormContinuation(const Table& table, double min_similarity);

// Reads the labelled fields in rows [0, end_row) (end_row = the indicator
// header row, or table.rows).
FormHeader ReadFormHeader(const Table& table, const TableContext& ctx,
                          int end_row, double min_similarity);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_FORM_READER_H_
