// Reads 绩效指标 rows (一级/二级/三级指标, 年度指标值) from tables, mapping
// columns by their header labels, filling merged 一级/二级 cells down, and
// following a table that a page break cut into two. Internal to normalize/.
#ifndef DECLTAB_NORMALIZE_INDICATOR_READER_H_
#define DECLTAB_NORMALIZE_INDICATOR_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/declaration.h"
#include "core/page_layout.h"
#include "normalize/table_text.h"

namespace decltab::normalize {

// Grid columns [first, end) of one indicator field; first < 0 when absent.
struct FieldSpan {
  int first = -1, end = -1;
  bool present() const { return first >= 0 && end > first; }
};

struct IndicatorColumns {
  int header_row = -1;  // -1 for a continued table (no header)
  FieldSpan level1, level2, level3, target;
};

// The indicator column headers this reader knows, every regional spelling
// (the indicator.* fields of label_families.txt).
std::vector<std::string> IndicatorHeaderTexts();

// True when `name` ("indicator.target") is an indicator column field.
bool IsIndicatorField(std::string_view name);

// The first row labelled like an indicator header (三级指标/指标内容 and
// 年度指标值/指标值, with 一级/二级指标 when present); nullopt if none.
std::optional<IndicatorColumns> FindIndicatorHeader(const Table& table,
                                                    double min_similarity);

class IndicatorReader {
 public:
  explicit IndicatorReader(double min_similarity, double column_tolerance)
      : min_similarity_(min_similarity), column_tolerance_(column_tolerance) {}

  // Reads the rows below `columns.header_row` and keeps the table open.
  void Read(const Table& table, const TableContext& ctx,
            const IndicatorColumns& columns, std::vector<Indicator>* out);

  // When `table` (which has no header row) has the open table's column
  // geometry, reads it as its continuation, inheriting the open 一级/二级
  // labels, and returns true.
  bool Continue(const Table& table, const TableContext& ctx,
                std::vector<Indicator>* out);

  // What the rows read so far made doubtful (DoubtfulTarget: the row's
  // place and why; its confidence is lowered too), emptied by the call.
  std::vector<std::string> TakeWarnings() { return std::move(warnings_); }

  void Close() { open_ = false; }
  bool open() const { return open_; }

 private:
  void ReadRows(const Table& table, const TableContext& ctx,
                const IndicatorColumns& columns, int first_row,
                std::vector<Indicator>* out);

  double min_similarity_;
  double column_tolerance_;  // fraction of the page width
  bool open_ = false;
  int page_ = 0;
  int cols_ = 0;
  IndicatorColumns columns_;
  // Left/right ruling-line x (page pixels) of level1, level2, level3, target.
  int left_[4] = {-1, -1, -1, -1}, right_[4] = {-1, -1, -1, -1};
  std::string level1_, level2_;
  const Cell* level1_cell_ = nullptr;
  const Cell* level2_cell_ = nullptr;
  std::vector<std::string> warnings_;
};

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_INDICATOR_READER_H_
