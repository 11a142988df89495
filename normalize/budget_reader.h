// Reads 年度预算安排 budgets: ruled tables (columns found by header labels)
// and prose sentences ("XX为5万元,YY 12.6万元。"). Totals (合计/小计/总计 rows,
// a 合计 column merged over all rows) are returned apart from the lines.
// Internal to normalize/.
#ifndef DECLTAB_NORMALIZE_BUDGET_READER_H_
#define DECLTAB_NORMALIZE_BUDGET_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/declaration.h"
#include "core/fen.h"
#include "core/page_layout.h"
#include "normalize/money_units.h"
#include "normalize/table_text.h"

namespace decltab::normalize {

struct BudgetRead {
  std::vector<BudgetLine> lines;
  std::vector<StatedAmount> totals;  // stated totals (合计 rows/columns)
  // Prose lines worded like a total ("…等费用共计19万元"): a total when they
  // equal the other lines' sum or a table's total, else a line.
  std::vector<BudgetLine> total_candidates;
  std::vector<std::string> warnings;  // rows that could not be read
  std::vector<std::string> guesses;   // rows read, but by guessing (unsure)
  std::optional<std::string> last_group;  // group open at the table's end
  // The header the table was read with (one text per column), empty when
  // it had none.
  std::vector<std::string> header;
};

// A caption above a table: short, no amount, not a sentence
// ("某某项目资金的测算方式"). It names the table's group, and the item when
// the table has no item column.
bool IsBudgetCaption(std::string_view folded);

// What a project says around one of its budget tables.
struct AroundTable {
  std::optional<std::string> caption;  // the caption block right above it
  Fen default_unit;  // of bare numbers, unless a header says otherwise
  // The group open at the end of the previous budget table and the header
  // it was read with, for rows continued from the previous page.
  std::optional<std::string> carried_group;
  std::vector<std::string> carried_header;
  // The project's paragraphs before its budget (概述, 实施方案 …): they name
  // the lines of a table that has no item column.
  std::vector<std::string> prose;
};

// Reads one budget table.
BudgetRead ReadBudgetTable(const Table& table, const TableContext& ctx,
                           const AroundTable& around);

// Reads budget prose: one line per clause ending in an amount with a unit,
// clauses split at , 、 ; 。 outside brackets. A clause that is only a total
// ("共计19万元", "合计…") goes to totals. `source` gives page/where/
// confidence; raw is set to each clause.
BudgetRead ReadBudgetProse(std::string_view folded, const Source& source);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_BUDGET_READER_H_
