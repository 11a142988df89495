// Which budget lines a stated budget total (a 合计/小计 row, or a total
// stated in prose) covers. The declaration does not record it, so it is
// inferred from where the figures were read ("table 2 r9c4" on a page):
// a subtotal covers the lines above it in its table since the previous
// total, a table total covers its table, a total in the first table on a
// page may also cover the lines of the last table on the page before (a
// table cut by a page break), and any total may cover all the project's
// lines (prose totals).
#ifndef DECLTAB_RECONCILE_BUDGET_TOTAL_SPANS_H_
#define DECLTAB_RECONCILE_BUDGET_TOTAL_SPANS_H_

#include <optional>
#include <string>
#include <vector>

#include "core/declaration.h"

namespace decltab::reconcile {

// A cell reference parsed from Source::where such as "table 2 r9c4".
struct CellRef {
  int page = 0;
  int table = 0;
  int row = 0;
  int col = 0;
};

// The table cell `source` was read from (its typed page, table, row and
// column); nullopt for text outside tables or a whole row.
std::optional<CellRef> CellRefOf(const Source& source);

// A candidate set of lines (0-based indices into Project::budget_lines),
// with how the detail names it ("5 lines of p3 table 2 above it").
struct LineSpan {
  std::vector<size_t> lines;
  std::string description;
};

// The candidate spans for `project.stated_budget_totals[total_index]`,
// narrowest first, without empty or repeated spans.
std::vector<LineSpan> CandidateSpans(const Project& project, size_t total_index);

}  // namespace decltab::reconcile

#endif  // DECLTAB_RECONCILE_BUDGET_TOTAL_SPANS_H_
