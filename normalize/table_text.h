// Small helpers the builder's readers share for reading a core::Table:
// folded cell text, cell references for Source::where, and the cells of one
// grid row. Internal to normalize/.
#ifndef DECLTAB_NORMALIZE_TABLE_TEXT_H_
#define DECLTAB_NORMALIZE_TABLE_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/declaration.h"
#include "core/page_layout.h"

namespace decltab::normalize {

// Where a table sits: 1-based page and 1-based table number on that page.
struct TableContext {
  int page = 0;
  int table_no = 0;
  int page_width = 0;  // pixels; 0 when unknown
  int dpi = 0;         // of the page's pixel boxes; 0 when unknown
};

// "table 2 r3c4" with 1-based row and column of the cell's top-left.
std::string CellWhere(const TableContext& ctx, const Cell& cell);
// "table 2 r3" for a whole row (0-based `row` in, 1-based out).
std::string RowWhere(const TableContext& ctx, int row);

// FoldText of the cell, "" for nullptr.
std::string CellText(const Cell* cell);

// Distinct cells covering grid row `row` over columns [first_col, end_col),
// left to right (a merged cell appears once).
std::vector<const Cell*> CellsInRow(const Table& table, int row,
                                    int first_col = 0, int end_col = -1);

// FoldText of the cells covering `row` in [first_col, end_col), joined
// (no separator between CJK, as FoldText would join them).
std::string RowRangeText(const Table& table, int row, int first_col,
                         int end_col);

// Label form of a text: FoldCompact, a leading "其中:" dropped, bracketed
// parts ("(元)", "(2023年-2023年)") dropped, trailing ':' dropped.
std::string LabelForm(std::string_view text);

// Page footers such as "1/36", "- 3 -", "第3页" carry nothing.
bool IsPageFooter(std::string_view folded);

// A Source for a cell.
Source CellSource(const TableContext& ctx, const Cell& cell);

// Sets the typed place of `src` (table, row, col, box, dpi) to a cell.
void PlaceAtCell(const TableContext& ctx, const Cell& cell, Source* src);

// Sets the typed place of `src` to grid row `row` (0-based) of a table:
// col 0, the box around the row's cells.
void PlaceAtRow(const TableContext& ctx, const Table& table, int row, Source* src);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_TABLE_TEXT_H_
