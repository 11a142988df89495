#include "reconcile/budget_total_spans.h"

#include <algorithm>

namespace decltab::reconcile {

std::optional<CellRef> CellRefOf(const Source& source) {
  if (source.table <= 0 || source.row <= 0 || source.col <= 0)
    return std::nullopt;
  return CellRef{source.page, source.table, source.row, source.col};
}

namespace {

bool SameTable(const CellRef& a, const CellRef& b) {
  return a.page == b.page && a.table == b.table;
}

std::string TableName(const CellRef& ref) {
  return "p" + std::to_string(ref.page) + " table " + std::to_string(ref.table);
}

void AddSpan(LineSpan span, std::vector<LineSpan>* spans) {
  if (span.lines.empty()) return;
  for (const LineSpan& s : *spans)
    if (s.lines == span.lines) return;
  span.description =
      std::to_string(span.lines.size()) + " lines " + span.description;
  spans->push_back(std::move(span));
}

}  // namespace

std::vector<LineSpan> CandidateSpans(const Project& project, size_t total_index) {
  std::vector<LineSpan> spans;
  const StatedAmount& total = project.stated_budget_totals[total_index];
  std::optional<CellRef> at = CellRefOf(total.source);
  const std::vector<BudgetLine>& lines = project.budget_lines;
  if (at) {
    // The nearest earlier total of the same table bounds a subtotal's span.
    int floor_row = -1;
    for (const StatedAmount& other : project.stated_budget_totals) {
      std::optional<CellRef> o = CellRefOf(other.source);
      if (o && SameTable(*o, *at) && o->row < at->row && o->row > floor_row)
        floor_row = o->row;
    }
    LineSpan above{{}, "of " + TableName(*at) + " above it"};
    if (floor_row >= 0) above.description += " since the total in row " +
                                              std::to_string(floor_row);
    LineSpan table{{}, "of " + TableName(*at)};
    for (size_t i = 0; i < lines.size(); ++i) {
      std::optional<CellRef> l = CellRefOf(lines[i].amount.source);
      if (!l || !SameTable(*l, *at)) continue;
      table.lines.push_back(i);
      if (l->row < at->row && l->row > floor_row) above.lines.push_back(i);
    }
    AddSpan(std::move(above), &spans);
    AddSpan(std::move(table), &spans);
    // A table cut by a page break: the first table on a page may go on
    // from the last table of the page before, since that part's own last
    // total.
    if (at->table == 1 && floor_row < 0) {
      CellRef before{at->page - 1, 0, -1, 0};
      for (size_t i = 0; i < lines.size(); ++i)
        if (std::optional<CellRef> l = CellRefOf(lines[i].amount.source);
            l && l->page == before.page)
          before.table = std::max(before.table, l->table);
      for (const StatedAmount& other : project.stated_budget_totals)
        if (std::optional<CellRef> o = CellRefOf(other.source); o && SameTable(*o, before))
          before.row = std::max(before.row, o->row);
      LineSpan cut{{}, "of " + TableName(before) +
                           (before.row >= 0 ? " since the total in row " +
                                                  std::to_string(before.row)
                                            : "") +
                           " and " + TableName(*at) + " above it"};
      for (size_t i = 0; i < lines.size(); ++i) {
        std::optional<CellRef> l = CellRefOf(lines[i].amount.source);
        if (l && ((SameTable(*l, before) && l->row > before.row) ||
                  (SameTable(*l, *at) && l->row < at->row)))
          cut.lines.push_back(i);
      }
      if (before.table > 0) AddSpan(std::move(cut), &spans);
    }
  }
  LineSpan all{{}, "of the project"};
  for (size_t i = 0; i < lines.size(); ++i) all.lines.push_back(i);
  AddSpan(std::move(all), &spans);
  return spans;
}

}  // namespace decltab::reconcile
