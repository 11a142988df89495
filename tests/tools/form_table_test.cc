#include "tools/render/form_table.h"

#include <gtest/gtest.h>

#include <numeric>

namespace decltab::render {
namespace {

ProjectSpec ProjectWithIndicators() {
  ProjectSpec p;
  p.name = "项目甲";
  p.goal_period = "(2024年-2024年)";
  const struct {
    const char* l1;
    const char* l2;
  } kLevels[] = {
      {"产出指标", "数量指标"},     {"产出指标", "数量指标"},
      {"产出指标", "质量指标"},     {"效益指标", "社会效益指标"},
      {"效益指标", "社会效益指标"}, {"满意度指标", "服务对象满意度指标"},
      {"满意度指标", ""},           {"满意度指标", ""}};
  for (const auto& l : kLevels)
    p.indicators.push_back({l.l1, l.l2, "指标", ">=1"});
  return p;
}

TEST(BuildFormTableTest, MergesEqualConsecutiveLevelsWithinLevel1) {
  Jitter jitter(1);
  FormRows rows;
  RuledTable form =
      BuildFormTable(ProjectWithIndicators(), *LabelsForTemplate("songjiang"),
                     TableMetrics{}, &jitter, &rows);
  ASSERT_EQ(4u, form.bands.size());
  const GridBand& band = form.bands[rows.indicator_band];
  EXPECT_EQ(9, band.row_count);
  // The left label spans the header and all indicator rows.
  EXPECT_EQ(9, band.CellAt(0, 0)->rowspan);
  const struct {
    int row, col, rowspan;
    const char* text;
  } kCells[] = {{1, 1, 3, "产出指标"},
                {1, 2, 2, "数量指标"},
                {3, 2, 1, "质量指标"},
                {4, 1, 2, "效益指标"},
                {4, 2, 2, "社会效益指标"},
                {6, 1, 3, "满意度指标"},
                {6, 2, 1, "服务对象满意度指标"},
                {7, 2, 1, ""},
                {8, 2, 1, ""}};
  for (const auto& c : kCells) {
    const GridCell* cell = band.CellAt(c.row, c.col);
    ASSERT_NE(nullptr, cell) << c.row << "," << c.col;
    EXPECT_EQ(c.row, cell->row) << c.text;
    EXPECT_EQ(c.rowspan, cell->rowspan) << c.text;
    EXPECT_EQ(c.text, cell->text);
  }
}

TEST(BuildFormTableTest, BandsSpanTheTableWidthWithDifferentColumns) {
  Jitter jitter(42);
  TableMetrics metrics;
  metrics.width = 470;
  RuledTable form =
      BuildFormTable(ProjectWithIndicators(), *LabelsForTemplate("variant-b"),
                     metrics, &jitter, nullptr);
  for (const GridBand& band : form.bands)
    EXPECT_NEAR(470.0, band.width(), 1e-6);
  EXPECT_EQ(4u, form.bands[0].col_widths.size());
  EXPECT_EQ(5u, form.bands[1].col_widths.size());
  EXPECT_EQ(3u, form.bands[2].col_widths.size());
  EXPECT_EQ(6u, form.bands[3].col_widths.size());  // with the 备注 column
  EXPECT_EQ("备注", form.bands[3].CellAt(0, 5)->text);
  // The funds label is narrow enough to wrap after two characters.
  EXPECT_LT(form.bands[1].col_widths[0], 2.5 * metrics.em + 2 * metrics.pad_x);
}

TEST(BuildBudgetTableTest, DrawsMergesAsOneCellAndHeadersBold) {
  BudgetTableSpec spec;
  spec.rows = {{"项目组成", "数量", "金额"},
               {"甲", "由小组上报", ""},
               {"合计", "", "10"}};
  spec.header_rows = {0};
  spec.merges = {{1, 1, 1, 2}, {2, 0, 1, 2}};
  Jitter jitter(3);
  RuledTable table = BuildBudgetTable(spec, TableMetrics{}, &jitter);
  ASSERT_EQ(1u, table.bands.size());
  const GridBand& band = table.bands[0];
  EXPECT_EQ(7u, band.cells.size());  // 9 positions, 2 covered by merges
  EXPECT_TRUE(band.CellAt(0, 2)->bold);
  EXPECT_FALSE(band.CellAt(1, 0)->bold);
  EXPECT_EQ(band.CellAt(1, 1), band.CellAt(1, 2));
  EXPECT_EQ(2, band.CellAt(2, 1)->colspan);
}

TEST(IsBudgetLineRowTest, SkipsHeaderAndTotalsRows) {
  BudgetTableSpec spec;
  spec.rows = {{"项目", "金额"}, {"甲", "1"},       {"小计", "1"}, {"乙", "2"},
               {"合计", "3"},    {"总计(元)", "3"}, {"", "4"}};
  spec.header_rows = {0};
  const bool kExpected[] = {false, true, false, true, false, false, true};
  for (int r = 0; r < 7; ++r)
    EXPECT_EQ(kExpected[r], IsBudgetLineRow(spec, r)) << r;
}

TEST(ResolveColumnWidthsTest, SharesRestByWeights) {
  auto w = ResolveColumnWidths({30, 0, 0}, {0, 1, 3}, 430);
  EXPECT_DOUBLE_EQ(30, w[0]);
  EXPECT_DOUBLE_EQ(100, w[1]);
  EXPECT_DOUBLE_EQ(300, w[2]);
  // Fixed widths leaving too little room are scaled down with the rest.
  auto squeezed = ResolveColumnWidths({200, 200, 0}, {0, 0, 1}, 300);
  EXPECT_NEAR(300, std::accumulate(squeezed.begin(), squeezed.end(), 0.0),
              1e-9);
  EXPECT_GT(squeezed[2], 0);
}

TEST(LabelsForTemplateTest, KnowsTwoTemplates) {
  EXPECT_EQ("年度指标值", LabelsForTemplate("")->indicator_header.back());
  EXPECT_EQ("上年结余", LabelsForTemplate("variant-b")->carryover);
  Result<FormLabels> unknown = LabelsForTemplate("nowhere");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(Status::Code::kInvalidInput, unknown.status().code());
}

TEST(StyleFromSeedTest, IsDeterministicAndWithinRanges) {
  for (uint64_t seed = 0; seed < 200; ++seed) {
    RenderStyle a = StyleFromSeed(seed), b = StyleFromSeed(seed);
    EXPECT_EQ(a.body_size, b.body_size);
    EXPECT_EQ(a.column_seed, b.column_seed);
    EXPECT_GE(a.body_size, 10.5);
    EXPECT_LE(a.body_size, 12.0);
    EXPECT_GE(a.line_width, 0.5);
    EXPECT_LE(a.line_width, 1.2);
    EXPECT_GE(a.margin_left, 55);
    EXPECT_LE(a.margin_left, 75);
  }
  EXPECT_NE(StyleFromSeed(1).column_seed, StyleFromSeed(2).column_seed);
}

}  // namespace
}  // namespace decltab::render
