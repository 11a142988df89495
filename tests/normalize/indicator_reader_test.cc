#include "normalize/indicator_reader.h"

#include <gtest/gtest.h>

#include "layout_builder.h"
#include "normalize/target.h"

namespace decltab::normalize {
namespace {

using testing::MakeTable;

Table Header() {
  return MakeTable(100, 100, {400, 400, 800, 400},
                   {{"一级指标", "二级指标", "三级指标", "年度指标值"},
                    {"产出指标", "数量指标", "培训人数", ">=50人"}});
}

TEST(IndicatorReaderTest, ContinuesOnlyWithTheSameColumns) {
  IndicatorReader reader(0.8, 0.02);
  std::vector<Indicator> out;
  Table first = Header();
  std::optional<IndicatorColumns> cols = FindIndicatorHeader(first, 0.8);
  ASSERT_TRUE(cols.has_value());
  EXPECT_EQ(0, cols->header_row);
  reader.Read(first, TableContext{1, 1, 2480}, *cols, &out);
  ASSERT_EQ(1u, out.size());

  // Shifted by 30 px (< 2% of 2480): the same table.
  Table same = MakeTable(130, 50, {400, 400, 800, 400},
                         {{"", "质量指标", "合格率", "=100%"}});
  EXPECT_TRUE(reader.Continue(same, TableContext{2, 1, 2480}, &out));
  ASSERT_EQ(2u, out.size());
  EXPECT_EQ("产出指标", out[1].level1);
  EXPECT_EQ("质量指标", out[1].level2);

  // Different column lines and count: another table.
  Table other = MakeTable(100, 50, {1000, 1100}, {{"设备", "5万元"}});
  EXPECT_FALSE(reader.Continue(other, TableContext{3, 1, 2480}, &out));
  reader.Close();
  EXPECT_FALSE(reader.Continue(same, TableContext{3, 1, 2480}, &out));
  EXPECT_EQ(2u, out.size());
}

TEST(IndicatorReaderTest, ADoubtfulTargetIsUnsureAndWarned) {
  IndicatorReader reader(0.8, 0.02);
  std::vector<Indicator> out;
  Table t = MakeTable(100, 100, {400, 400, 800, 400},
                      {{"一级指标", "二级指标", "三级指标", "年度指标值"},
                       {"产出指标", "时效指标", "办结及时率", "290%"},
                       {"产出指标", "数量指标", "培训人数", ">=50人"}});
  std::optional<IndicatorColumns> cols = FindIndicatorHeader(t, 0.8);
  ASSERT_TRUE(cols.has_value());
  reader.Read(t, TableContext{1, 1, 2480}, *cols, &out);
  ASSERT_EQ(2u, out.size());
  EXPECT_LE(out[0].source.confidence, kDoubtfulTargetConfidence);
  EXPECT_EQ(out[1].source.confidence, 1.0f);
  const std::vector<std::string> warnings = reader.TakeWarnings();
  ASSERT_EQ(1u, warnings.size());
  EXPECT_NE(warnings[0].find("r2"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("290%"), std::string::npos) << warnings[0];
  EXPECT_TRUE(reader.TakeWarnings().empty());
}

TEST(IndicatorReaderTest, HeaderVariants) {
  Table t = MakeTable(0, 0, {300, 300, 300, 300, 300},
                      {{"一级指标", "二级指标", "指标内容", "指标值", "备注"}});
  std::optional<IndicatorColumns> cols = FindIndicatorHeader(t, 0.8);
  ASSERT_TRUE(cols.has_value());
  EXPECT_EQ(2, cols->level3.first);
  EXPECT_EQ(3, cols->target.first);
  // An OCR-mangled 三级指标 is the column between 二级 and the target.
  t = MakeTable(0, 0, {300, 300, 300, 300},
                {{"一级指标", "二级指标", "==级指标", "年度指标值"}});
  cols = FindIndicatorHeader(t, 0.8);
  ASSERT_TRUE(cols.has_value());
  EXPECT_EQ(2, cols->level3.first);
  t = MakeTable(0, 0, {300, 300}, {{"项目", "金额"}});
  EXPECT_FALSE(FindIndicatorHeader(t, 0.8).has_value());
}

}  // namespace
}  // namespace decltab::normalize
