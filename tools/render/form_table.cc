#include "tools/render/form_table.h"

#include <string>

namespace decltab::render {
namespace {

// First cells that mark a totals row rather than a budget line.
const char* const kTotalsPrefixes[] = {"合计", "小计", "总计"};

// Width of a label column that fits `chars` CJK characters per line but not
// one more (nor an extra ASCII "(" at 1/3 em), so wrapping is the same
// whatever the jitter.
double NarrowWidth(int chars, const TableMetrics& m, Jitter* jitter) {
  return (chars + jitter->Uniform(0.05, 0.3)) * m.em + 2 * m.pad_x;
}

GridCell Cell(int row, int col, std::string text, int rowspan = 1,
              int colspan = 1, HAlign align = HAlign::kCenter) {
  GridCell c;
  c.row = row;
  c.col = col;
  c.rowspan = rowspan;
  c.colspan = colspan;
  c.text = std::move(text);
  c.align = align;
  return c;
}

GridBand HeaderBand(const ProjectSpec& p, const FormLabels& l,
                    const TableMetrics& m, Jitter* j) {
  GridBand band;
  const double label = NarrowWidth(4, m, j);
  band.col_widths = ResolveColumnWidths(
      {label, 0, NarrowWidth(4, m, j), 0},
      {0, j->Scale(1.0, 0.15), 0, j->Scale(1.3, 0.15)}, m.width);
  band.row_count = 3;
  const std::string* texts[3][4] = {
      {&l.project_name, &p.name, &l.category, &p.category},
      {&l.department, &p.department, &l.implementer, &p.implementer},
      {&l.start_date, &p.start_date, &l.end_date, &p.end_date},
  };
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 4; ++c) band.Add(Cell(r, c, *texts[r][c]));
  return band;
}

GridBand FundsBand(const ProjectSpec& p, const FormLabels& l,
                   const TableMetrics& m, Jitter* j) {
  GridBand band;
  band.col_widths = ResolveColumnWidths(
      {NarrowWidth(2, m, j), NarrowWidth(7, m, j), 0, NarrowWidth(9, m, j), 0},
      {0, 0, j->Scale(1.0, 0.15), 0, j->Scale(1.0, 0.15)}, m.width);
  band.row_count = 4;
  const FundsText& f = p.funds_text;
  band.Add(Cell(0, 0, l.funds_block, /*rowspan=*/4));
  band.Add(Cell(0, 1, l.total));
  band.Add(Cell(0, 2, f.total));
  band.Add(Cell(0, 3, l.annual_request));
  band.Add(Cell(0, 4, f.annual_request));
  band.Add(Cell(1, 1, l.fiscal, /*rowspan=*/2));
  band.Add(Cell(1, 2, f.fiscal, /*rowspan=*/2));
  band.Add(Cell(1, 3, l.appropriation));
  band.Add(Cell(1, 4, f.appropriation));
  band.Add(Cell(2, 3, l.carryover));
  band.Add(Cell(2, 4, f.carryover));
  band.Add(Cell(3, 1, l.other));
  band.Add(Cell(3, 2, f.other));
  band.Add(Cell(3, 3, l.other_annual));
  band.Add(Cell(3, 4, f.other_annual));
  return band;
}

GridBand GoalsBand(const ProjectSpec& p, const FormLabels& l,
                   const TableMetrics& m, Jitter* j) {
  GridBand band;
  band.col_widths = ResolveColumnWidths(
      {NarrowWidth(2, m, j), 0, 0},
      {0, j->Scale(1.0, 0.15), j->Scale(1.0, 0.15)}, m.width);
  band.row_count = 2;
  std::string overall_label = l.overall_goal;
  if (!p.goal_period.empty()) overall_label += "\n" + p.goal_period;
  band.Add(Cell(0, 0, l.goals_block, /*rowspan=*/2));
  band.Add(Cell(0, 1, overall_label));
  band.Add(Cell(0, 2, l.annual_goal));
  band.Add(Cell(1, 1, p.overall_goal, 1, 1, HAlign::kLeft));
  band.Add(Cell(1, 2, p.annual_goal, 1, 1, HAlign::kLeft));
  band.keep_with_next.push_back(0);
  return band;
}

GridBand IndicatorBand(const ProjectSpec& p, const FormLabels& l,
                       const TableMetrics& m, Jitter* j) {
  GridBand band;
  const bool remark = l.indicator_header.size() > 4;
  std::vector<double> fixed = {NarrowWidth(2, m, j), NarrowWidth(3, m, j),
                               NarrowWidth(4, m, j), 0, 0};
  std::vector<double> weights = {0, 0, 0, j->Scale(2.4, 0.15),
                                 j->Scale(1.0, 0.15)};
  if (remark) {
    fixed.push_back(0);
    weights.push_back(j->Scale(0.6, 0.15));
  }
  band.col_widths = ResolveColumnWidths(fixed, weights, m.width);
  const int n = static_cast<int>(p.indicators.size());
  band.row_count = n + 1;
  band.Add(Cell(0, 0, l.indicator_block, /*rowspan=*/n + 1));
  for (size_t c = 0; c < l.indicator_header.size(); ++c)
    band.Add(Cell(0, static_cast<int>(c) + 1, l.indicator_header[c]));
  band.keep_with_next.push_back(0);

  // Equal consecutive level1 values share one merged cell; level2 values
  // merge likewise but never across a level1 boundary. Blank values stay
  // separate cells, as forms leave them.
  int i = 0;
  while (i < n) {
    int end1 = i + 1;
    const std::string& l1 = p.indicators[i].level1;
    while (!l1.empty() && end1 < n && p.indicators[end1].level1 == l1) ++end1;
    band.Add(Cell(1 + i, 1, l1, end1 - i));
    int k = i;
    while (k < end1) {
      int end2 = k + 1;
      const std::string& l2 = p.indicators[k].level2;
      while (!l2.empty() && end2 < end1 && p.indicators[end2].level2 == l2)
        ++end2;
      band.Add(Cell(1 + k, 2, l2, end2 - k));
      k = end2;
    }
    i = end1;
  }
  for (int r = 0; r < n; ++r) {
    band.Add(Cell(1 + r, 3, p.indicators[r].level3, 1, 1, HAlign::kLeft));
    band.Add(Cell(1 + r, 4, p.indicators[r].target));
    if (remark) band.Add(Cell(1 + r, 5, ""));
  }
  return band;
}

}  // namespace

RuledTable BuildFormTable(const ProjectSpec& project, const FormLabels& labels,
                          const TableMetrics& metrics, Jitter* jitter,
                          FormRows* rows) {
  RuledTable table;
  table.bands.push_back(HeaderBand(project, labels, metrics, jitter));
  table.bands.push_back(FundsBand(project, labels, metrics, jitter));
  table.bands.push_back(GoalsBand(project, labels, metrics, jitter));
  table.bands.push_back(IndicatorBand(project, labels, metrics, jitter));
  if (rows != nullptr) *rows = FormRows{3, 1};
  return table;
}

RuledTable BuildBudgetTable(const BudgetTableSpec& spec,
                            const TableMetrics& metrics, Jitter* jitter) {
  GridBand band;
  const int cols = spec.col_count();
  band.row_count = static_cast<int>(spec.rows.size());
  std::vector<double> weights(cols, 1.0);
  for (int c = 0; c < cols; ++c) {
    if (c < static_cast<int>(spec.col_weights.size()))
      weights[c] = spec.col_weights[c];
    weights[c] = jitter->Scale(weights[c], 0.15);
  }
  band.col_widths = ResolveColumnWidths(std::vector<double>(cols, 0.0), weights,
                                        metrics.width);

  // Which grid positions a merge covers (other than its top-left cell).
  std::vector<std::vector<bool>> covered(band.row_count,
                                         std::vector<bool>(cols, false));
  for (const TableMerge& m : spec.merges)
    for (int r = m.row; r < m.row + m.rowspan; ++r)
      for (int c = m.col; c < m.col + m.colspan; ++c)
        if (r != m.row || c != m.col) covered[r][c] = true;

  for (int r = 0; r < band.row_count; ++r) {
    const bool header = spec.IsHeaderRow(r);
    if (header && r + 1 < band.row_count) band.keep_with_next.push_back(r);
    for (int c = 0; c < cols; ++c) {
      if (covered[r][c]) continue;
      GridCell cell = Cell(r, c, spec.rows[r][c]);
      for (const TableMerge& m : spec.merges) {
        if (m.row == r && m.col == c) {
          cell.rowspan = m.rowspan;
          cell.colspan = m.colspan;
        }
      }
      cell.bold = header;
      // Long item names in the first column read better left-aligned.
      if (!header && c == 0 && cell.text.size() > 3 * 12)
        cell.align = HAlign::kLeft;
      band.Add(std::move(cell));
    }
  }
  RuledTable table;
  table.bands.push_back(std::move(band));
  return table;
}

bool IsBudgetLineRow(const BudgetTableSpec& table, int row) {
  if (table.IsHeaderRow(row)) return false;
  if (row < 0 || row >= static_cast<int>(table.rows.size())) return false;
  const std::string& first =
      table.rows[row].empty() ? std::string() : table.rows[row][0];
  for (const char* prefix : kTotalsPrefixes)
    if (first.rfind(prefix, 0) == 0) return false;
  return true;
}

}  // namespace decltab::render
