#include "normalize/indicator_reader.h"

#include <algorithm>
#include <cstdlib>

#include "normalize/label_families.h"
#include "normalize/target.h"
#include "normalize/text.h"
#include "normalize/vocabulary.h"

namespace decltab::normalize {
namespace {

enum Slot { kL1 = 0, kL2 = 1, kL3 = 2, kTarget = 3 };

// Header labels of the indicator columns, from the indicator.* families of
// label_families.txt. Other columns (备注, 分值, 评分细则, 得分) are not read.
struct HeaderLabel {
  Slot slot;
  std::string text;  // LabelForm
};

std::optional<Slot> SlotNamed(std::string_view field) {
  if (field == "indicator.level1") return kL1;
  if (field == "indicator.level2") return kL2;
  if (field == "indicator.level3") return kL3;
  if (field == "indicator.target") return kTarget;
  return std::nullopt;
}

const std::vector<HeaderLabel>& HeaderLabels() {
  static const std::vector<HeaderLabel> labels = [] {
    std::vector<HeaderLabel> out;
    for (const LabelFamilyEntry& e : LabelFamiliesOf("indicator."))
      if (std::optional<Slot> slot = SlotNamed(e.field))
        out.push_back({*slot, LabelForm(e.label)});
    return out;
  }();
  return labels;
}

FieldSpan* SpanOf(IndicatorColumns* c, int slot) {
  switch (slot) {
    case kL1:
      return &c->level1;
    case kL2:
      return &c->level2;
    case kL3:
      return &c->level3;
    default:
      return &c->target;
  }
}

std::optional<IndicatorColumns> HeaderAt(const Table& table, int row,
                                         double min_similarity) {
  IndicatorColumns cols;
  cols.header_row = row;
  for (const Cell* cell : CellsInRow(table, row)) {
    std::string label = LabelForm(cell->text);
    if (label.empty() || CodePointCount(label) > 8) continue;
    double best = 0;
    int slot = -1;
    for (const HeaderLabel& h : HeaderLabels()) {
      double sim = LabelSimilarity(label, h.text);
      if (sim > best) {
        best = sim;
        slot = h.slot;
      }
    }
    if (slot < 0 || best < min_similarity) continue;
    FieldSpan* span = SpanOf(&cols, slot);
    if (!span->present())
      *span = FieldSpan{cell->col, cell->col + cell->colspan};
  }
  // An OCR-mangled 三级指标 label: the columns between 二级 and the target.
  if (!cols.level3.present() && cols.level2.present() &&
      cols.target.present() && cols.target.first > cols.level2.end)
    cols.level3 = FieldSpan{cols.level2.end, cols.target.first};
  if (!cols.level3.present() || !cols.target.present()) return std::nullopt;
  return cols;
}

}  // namespace

bool IsIndicatorField(std::string_view name) {
  return SlotNamed(name).has_value();
}

std::vector<std::string> IndicatorHeaderTexts() {
  std::vector<std::string> texts;
  for (const HeaderLabel& h : HeaderLabels()) texts.push_back(h.text);
  return texts;
}

std::optional<IndicatorColumns> FindIndicatorHeader(const Table& table,
                                                    double min_similarity) {
  for (int r = 0; r < table.rows; ++r)
    if (auto cols = HeaderAt(table, r, min_similarity)) return cols;
  return std::nullopt;
}

void IndicatorReader::Read(const Table& table, const TableContext& ctx,
                           const IndicatorColumns& columns,
                           std::vector<Indicator>* out) {
  open_ = true;
  level1_.clear();
  level2_.clear();
  level1_cell_ = level2_cell_ = nullptr;
  ReadRows(table, ctx, columns, columns.header_row + 1, out);
}

bool IndicatorReader::Continue(const Table& table, const TableContext& ctx,
                               std::vector<Indicator>* out) {
  if (!open_ || ctx.page < page_) return false;
  int width = ctx.page_width > 0 ? ctx.page_width : table.box.width;
  int tol = static_cast<int>(column_tolerance_ * std::max(width, 1)) + 1;
  IndicatorColumns mapped;
  bool by_geometry = !table.col_lines.empty();
  for (int slot = kL1; slot <= kTarget && by_geometry; ++slot) {
    if (left_[slot] < 0) continue;
    auto nearest = [&](int x) {
      int best = -1;
      for (int j = 0; j < static_cast<int>(table.col_lines.size()); ++j)
        if (std::abs(table.col_lines[j] - x) <= tol &&
            (best < 0 || std::abs(table.col_lines[j] - x) <
                             std::abs(table.col_lines[best] - x)))
          best = j;
      return best;
    };
    int first = nearest(left_[slot]), end = nearest(right_[slot]);
    if (first < 0 || end <= first)
      by_geometry = false;
    else
      *SpanOf(&mapped, slot) = FieldSpan{first, end};
  }
  if (!by_geometry) {
    if (table.cols != cols_) return false;
    mapped = columns_;
  }
  mapped.header_row = -1;
  ReadRows(table, ctx, mapped, 0, out);
  return true;
}

void IndicatorReader::ReadRows(const Table& table, const TableContext& ctx,
                               const IndicatorColumns& columns, int first_row,
                               std::vector<Indicator>* out) {
  page_ = ctx.page;
  cols_ = table.cols;
  columns_ = columns;
  for (int slot = kL1; slot <= kTarget; ++slot) {
    const FieldSpan* span = SpanOf(&columns_, slot);
    bool known =
        span->present() && span->end < static_cast<int>(table.col_lines.size());
    left_[slot] = known ? table.col_lines[span->first] : -1;
    right_[slot] = known ? table.col_lines[span->end] : -1;
  }
  for (int r = first_row; r < table.rows; ++r) {
    if (HeaderAt(table, r, min_similarity_)) continue;  // a repeated header
    float confidence = 1.0f;
    auto read = [&](const FieldSpan& span) {
      std::string text;
      for (const Cell* cell : CellsInRow(table, r, span.first, span.end)) {
        if (cell->text.empty()) continue;
        text += cell->text + " ";
        confidence = std::min(confidence, cell->confidence);
      }
      return FoldText(text);
    };
    // 一级/二级 cells span rows; a new 一级 cell with an empty 二级 cell
    // means that group has no 二级 label (read what is there).
    bool level1_changed = false;
    if (columns.level1.present()) {
      const Cell* cell = table.At(r, columns.level1.first);
      std::string text = read(columns.level1);
      if (!text.empty() && cell != level1_cell_) {
        std::string snapped = SnapLabel(text, Level::kLevel1);
        level1_changed = snapped != level1_;
        level1_ = snapped;
        level1_cell_ = cell;
      }
    }
    if (columns.level2.present()) {
      const Cell* cell = table.At(r, columns.level2.first);
      std::string text = read(columns.level2);
      if (!text.empty()) {
        if (cell != level2_cell_ || level1_changed)
          level2_ = SnapLabel(text, Level::kLevel2);
        level2_cell_ = cell;
      } else if (level1_changed || (cell != level2_cell_ && r > first_row)) {
        // An empty 二级 cell of its own is a blank label; only the first row
        // of a table continued from the previous page inherits the open one.
        level2_.clear();
        level2_cell_ = cell;
      }
    }
    std::string level3 = read(columns.level3);
    std::string target_raw = read(columns.target);
    if (level3.empty() && target_raw.empty()) continue;

    Indicator ind;
    ind.level1 = level1_;
    ind.level2 = level2_;
    ind.level3 = level3;
    ind.target = NormalizeTarget(target_raw);
    ind.target_parsed = ParseTarget(ind.target);
    ind.source.page = ctx.page;
    ind.source.where = RowWhere(ctx, r);
    ind.source.raw = RowRangeText(table, r, 0, table.cols);
    ind.source.confidence = confidence;
    PlaceAtRow(ctx, table, r, &ind.source);
    const std::string doubt = DoubtfulTarget(level3, ind.target, ind.target_parsed);
    if (!doubt.empty()) {
      ind.source.confidence = std::min(confidence, kDoubtfulTargetConfidence);
      warnings_.push_back(ind.source.where + ": " + doubt);
    }
    out->push_back(std::move(ind));
  }
}

}  // namespace decltab::normalize
