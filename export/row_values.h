// A declaration's values in the order of the INSERT statements both database
// writers use (sqlite_writer.cc, postgres_writer.cc): what goes into each
// column of documents, projects, budget_lines, indicators and checks,
// without the id of the parent row, which the writer puts first.
#ifndef DECLTAB_EXPORT_ROW_VALUES_H_
#define DECLTAB_EXPORT_ROW_VALUES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/declaration.h"
#include "export/sql_value.h"

namespace decltab::exporter {

using Row = std::vector<SqlValue>;

// sha256, file, pages, kind, stated_project_count, stated_total_fen, title,
// warnings.
Row DocumentRow(const Declaration& d);

// seq, name, heading_name, pages, category, department, implementer,
// start_date, end_date, total_fen, annual_request_fen, appropriation_fen,
// fiscal_fen, carryover_fen, other_fen, overall_goal, annual_goal, warnings.
// `index` is 0-based; seq is index + 1.
Row ProjectRow(const Project& p, size_t index);

// seq, grp, item, quantity, quantity_text, unit, unit_price_fen,
// amount_fen, amount_from_formula, raw, page, cell, confidence.
Row BudgetLineRow(const BudgetLine& l, size_t index);

// seq, level1, level2, level3, target, target_op, target_value,
// target_value_text, target_unit, page, cell, confidence.
Row IndicatorRow(const Indicator& ind, size_t index);

// seq, scope, rule, status, expected_fen, computed_fen, delta_fen,
// is_count, detail. `default_scope` when the rule has no known scope.
Row CheckRow(const Check& c, size_t index, const char* default_scope);

// project_id (NULL when the correction names no project), seq, field,
// read_value, corrected, who, when, note. `project_ids` are the rows of the
// document's projects in order; `index` is 0-based.
Row CorrectionRow(const Correction& c, size_t index,
                  const std::vector<int64_t>& project_ids);

// NULL for an empty sha256 (a file that could not be read).
SqlValue Sha(const std::string& sha256);

// `parent` followed by `row`.
Row WithParent(SqlValue parent, Row row);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_ROW_VALUES_H_
