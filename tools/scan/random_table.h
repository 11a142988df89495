// Random ruled tables with known structure: pages for testing grid and
// merged-cell detection on layouts no hand-written declaration covers.
#ifndef DECLTAB_TOOLS_SCAN_RANDOM_TABLE_H_
#define DECLTAB_TOOLS_SCAN_RANDOM_TABLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/page_layout.h"

namespace decltab::tools {

// One drawn cell; a merged cell appears once, at its top-left grid position.
// `text` is what is printed, UTF-8, with automatic and forced line breaks
// removed (CJK lines join without a space, as core's Cell::text). Empty for a
// blank cell.
struct TableTruthCell {
  int row = 0, col = 0, rowspan = 1, colspan = 1;
  std::string text;
};
// outer_border false: the frame around the table is not drawn, inner rulings
// are.
struct TableTruth {
  int rows = 0, cols = 0;
  bool outer_border = true;
  Rect box;  // the grid on the clean page, in pixels (no heading)
  std::vector<TableTruthCell> cells;  // row-major by top-left
};
struct RandomTableOptions {
  int dpi = 200;
  int min_rows = 2, max_rows = 14;
  int min_cols = 2, max_cols = 8;
  double span_probability = 0.15;  // per cell, chance to start a merged cell
  double borderless_probability = 0.15;
  int max_tables = 2;
};
struct RandomTablePage {
  PageImage image;                 // page_number 1, at options.dpi
  std::vector<TableTruth> tables;  // top to bottom; image is clean (not degraded)
};

// Draws an A4 page at options.dpi with 1..max_tables random ruled tables
// (random row heights/col widths, row and col spans, CJK and numeric cell
// text, some empty cells, optional missing outer border), deterministic in
// seed. A table that does not fit the page loses rows (down to min_rows) and
// is left out if it still does not fit, so a page may hold fewer tables than
// drawn for, but always at least one.
RandomTablePage GenerateRandomTablePage(uint64_t seed,
                                        const RandomTableOptions& options);

}  // namespace decltab::tools

#endif  // DECLTAB_TOOLS_SCAN_RANDOM_TABLE_H_
