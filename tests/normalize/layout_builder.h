// Test helpers: DocumentLayouts built by hand, shaped like what layout/
// hands to normalize/ (ruled tables with merged cells, text blocks).
// Pages are A4 at 300 dpi (2480 × 3508 pixels).
#ifndef DECLTAB_TESTS_NORMALIZE_LAYOUT_BUILDER_H_
#define DECLTAB_TESTS_NORMALIZE_LAYOUT_BUILDER_H_

#include <string>
#include <vector>

#include "core/page_layout.h"

namespace decltab::normalize::testing {

constexpr int kPageWidth = 2480;
constexpr int kPageHeight = 3508;

struct Merge {
  int row, col, rowspan, colspan;
};

// A ruled table at (x, y): columns of the given widths, rows of
// `row_height`. rows[r][c] is the cell text ("" empty); cells covered by a
// merge (other than its top-left) are left out whatever rows holds there.
inline Table MakeTable(int x, int y, const std::vector<int>& col_widths,
                       const std::vector<std::vector<std::string>>& rows,
                       const std::vector<Merge>& merges = {},
                       int row_height = 60) {
  Table t;
  t.rows = static_cast<int>(rows.size());
  t.cols = static_cast<int>(col_widths.size());
  t.col_lines.push_back(x);
  for (int w : col_widths) t.col_lines.push_back(t.col_lines.back() + w);
  for (int r = 0; r <= t.rows; ++r) t.row_lines.push_back(y + r * row_height);
  t.box = Rect{x, y, t.col_lines.back() - x, t.rows * row_height};
  auto covered = [&](int r, int c) {
    for (const Merge& m : merges)
      if (r >= m.row && r < m.row + m.rowspan && c >= m.col &&
          c < m.col + m.colspan && !(r == m.row && c == m.col))
        return true;
    return false;
  };
  for (int r = 0; r < t.rows; ++r) {
    for (int c = 0; c < t.cols; ++c) {
      if (covered(r, c)) continue;
      Cell cell;
      cell.row = r;
      cell.col = c;
      for (const Merge& m : merges)
        if (m.row == r && m.col == c) {
          cell.rowspan = m.rowspan;
          cell.colspan = m.colspan;
        }
      cell.box = Rect{t.col_lines[c], t.row_lines[r],
                      t.col_lines[c + cell.colspan] - t.col_lines[c],
                      t.row_lines[r + cell.rowspan] - t.row_lines[r]};
      cell.text = c < static_cast<int>(rows[r].size()) ? rows[r][c] : "";
      t.cells.push_back(cell);
    }
  }
  return t;
}

inline void SetConfidence(Table* t, int row, int col, float confidence) {
  for (Cell& c : t->cells)
    if (c.row == row && c.col == col) c.confidence = confidence;
}

inline TextBlock MakeBlock(int y, const std::string& text,
                           float confidence = 1.0f) {
  TextBlock b;
  b.box = Rect{200, y, 2000, 50};
  b.text = text;
  b.confidence = confidence;
  return b;
}

inline PageLayout MakePage(int number, std::vector<TextBlock> blocks,
                           std::vector<Table> tables,
                           PageSource source = PageSource::kOcr) {
  PageLayout p;
  p.page_number = number;
  p.dpi = 300;
  p.width = kPageWidth;
  p.height = kPageHeight;
  p.source = source;
  p.blocks = std::move(blocks);
  p.tables = std::move(tables);
  return p;
}

}  // namespace decltab::normalize::testing

#endif  // DECLTAB_TESTS_NORMALIZE_LAYOUT_BUILDER_H_
