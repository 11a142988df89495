// A ruled table as drawn: a stack of bands, each band a grid with its own
// vertical lines (the 填报表 form changes its column boundaries from the
// header grid to the funds, goals and indicator blocks). Cells may span rows
// and columns. Lengths are PDF points.
#ifndef DECLTAB_TOOLS_RENDER_RULED_TABLE_H_
#define DECLTAB_TOOLS_RENDER_RULED_TABLE_H_

#include <string>
#include <vector>

namespace decltab::render {

enum class HAlign { kLeft, kCenter };

struct GridCell {
  int row = 0, col = 0;  // top-left grid position within the band
  int rowspan = 1, colspan = 1;
  std::string text;  // may hold '\n' for a forced line break
  bool bold = false;
  HAlign align = HAlign::kCenter;
};

struct GridBand {
  std::vector<double> col_widths;  // points, left to right
  int row_count = 0;
  // At most one cell per grid position; positions no cell covers are drawn
  // as empty 1x1 cells.
  std::vector<GridCell> cells;
  // Rows that must not end a page (a header row stays with the row below).
  std::vector<int> keep_with_next;

  void Add(GridCell cell) { cells.push_back(std::move(cell)); }
  double width() const;
  // The cell covering (row, col), or nullptr.
  const GridCell* CellAt(int row, int col) const;
};

struct RuledTable {
  std::vector<GridBand> bands;
  int row_count() const;
};

// Widths of `fixed.size()` columns summing to `total`: columns with
// fixed[i] > 0 get that width, the others share the rest in proportion to
// weights[i]. If the fixed widths leave less than a quarter of `total`, all
// columns are scaled down together instead.
std::vector<double> ResolveColumnWidths(const std::vector<double>& fixed,
                                        const std::vector<double>& weights,
                                        double total);

}  // namespace decltab::render

#endif  // DECLTAB_TOOLS_RENDER_RULED_TABLE_H_
