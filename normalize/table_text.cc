#include "normalize/table_text.h"

#include <algorithm>

#include "normalize/text.h"

namespace decltab::normalize {

std::string CellWhere(const TableContext& ctx, const Cell& cell) {
  return "table " + std::to_string(ctx.table_no) + " r" +
         std::to_string(cell.row + 1) + "c" + std::to_string(cell.col + 1);
}

std::string RowWhere(const TableContext& ctx, int row) {
  return "table " + std::to_string(ctx.table_no) + " r" +
         std::to_string(row + 1);
}

std::string CellText(const Cell* cell) {
  return cell == nullptr ? std::string() : FoldText(cell->text);
}

std::vector<const Cell*> CellsInRow(const Table& table, int row, int first_col,
                                    int end_col) {
  if (end_col < 0 || end_col > table.cols) end_col = table.cols;
  std::vector<const Cell*> out;
  for (int c = std::max(first_col, 0); c < end_col; ++c) {
    const Cell* cell = table.At(row, c);
    if (cell != nullptr && (out.empty() || out.back() != cell))
      out.push_back(cell);
  }
  return out;
}

std::string RowRangeText(const Table& table, int row, int first_col,
                         int end_col) {
  std::string joined;
  for (const Cell* cell : CellsInRow(table, row, first_col, end_col))
    joined += cell->text + " ";
  return FoldText(joined);
}

std::string LabelForm(std::string_view text) {
  std::string s = FoldCompact(text);
  for (const char* prefix : {"其中:", "其中"})
    if (StartsWith(s, prefix)) s = s.substr(std::string_view(prefix).size());
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ':') out.pop_back();
  return out;
}

bool IsPageFooter(std::string_view folded) {
  std::string s;
  for (char c : folded)
    if (c != ' ' && c != '-') s.push_back(c);
  if (s.empty()) return true;
  if (StartsWith(s, "第") && EndsWith(s, "页")) return true;
  size_t slash = s.find('/');
  for (size_t i = 0; i < s.size(); ++i)
    if (!(s[i] >= '0' && s[i] <= '9') && i != slash) return false;
  return true;
}

Source CellSource(const TableContext& ctx, const Cell& cell) {
  Source src;
  src.page = ctx.page;
  src.where = CellWhere(ctx, cell);
  src.raw = FoldText(cell.text);
  src.confidence = cell.confidence;
  PlaceAtCell(ctx, cell, &src);
  return src;
}

void PlaceAtCell(const TableContext& ctx, const Cell& cell, Source* src) {
  src->table = ctx.table_no;
  src->row = cell.row + 1;
  src->col = cell.col + 1;
  src->box = cell.box;
  src->dpi = ctx.dpi;
}

void PlaceAtRow(const TableContext& ctx, const Table& table, int row, Source* src) {
  src->table = ctx.table_no;
  src->row = row + 1;
  src->col = 0;
  Rect box;
  for (const Cell* cell : CellsInRow(table, row)) {
    if (cell->box.empty()) continue;
    if (box.empty()) {
      box = cell->box;
      continue;
    }
    int l = std::min(box.x, cell->box.x), t = std::min(box.y, cell->box.y);
    int r = std::max(box.right(), cell->box.right());
    int b = std::max(box.bottom(), cell->box.bottom());
    box = Rect{l, t, r - l, b - t};
  }
  src->box = box;
  src->dpi = ctx.dpi;
}

}  // namespace decltab::normalize
