#include "normalize/budget_reader.h"

#include <gtest/gtest.h>

#include "layout_builder.h"

namespace decltab::normalize {
namespace {

using testing::MakeTable;
using testing::Merge;

AroundTable InUnit(Fen unit) {
  AroundTable around;
  around.default_unit = unit;
  return around;
}

TEST(ReadBudgetProseTest, OneLinePerClauseWithAmount) {
  Source src;
  src.page = 4;
  src.where = "text";
  src.confidence = 0.9f;
  BudgetRead read = ReadBudgetProse(
      "设备购置为5万元,维护服务 12.6 万元、平台(运维、升级)费8.396万元;"
      "2024年支付金额为285.696万元。该系统已完成招标,中标金额为847.4万元。",
      src);
  ASSERT_EQ(4u, read.lines.size());
  const struct {
    const char* item;
    int64_t fen;
  } kWant[] = {{"设备购置", 5'000'000},
               {"维护服务", 12'600'000},
               {"平台(运维、升级)费", 8'396'000},
               {"2024年支付金额", 285'696'000}};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(kWant[i].item, read.lines[i].item);
    EXPECT_EQ(kWant[i].fen, read.lines[i].amount.value.count());
    EXPECT_EQ(4, read.lines[i].amount.source.page);
    EXPECT_FLOAT_EQ(0.9f, read.lines[i].amount.source.confidence);
    EXPECT_FALSE(read.lines[i].group.has_value());
  }
  EXPECT_EQ("设备购置为5万元", read.lines[0].raw);
  EXPECT_EQ("5万元", read.lines[0].amount.source.raw);
  EXPECT_TRUE(read.totals.empty());
  EXPECT_TRUE(read.total_candidates.empty());
}

// A contract sum split over years is context, not a line, also when OCR
// misread its word by a character.
TEST(ReadBudgetProseTest, ContractSumReadWithACharacterOffIsNoLine) {
  for (const char* misread : {"中标人金额", "中标金頟", "合同总", "中际金额"}) {
    BudgetRead read = ReadBudgetProse(
        std::string("最终") + misread + "为847.4112万元。2023年支付金额为285.696万元。",
        Source{});
    ASSERT_EQ(1u, read.lines.size()) << misread;
    EXPECT_EQ("2023年支付金额", read.lines[0].item);
  }
  // Two characters off is another clause.
  BudgetRead read = ReadBudgetProse("中间验收金额为5万元。", Source{});
  EXPECT_EQ(1u, read.lines.size());
}

TEST(ReadBudgetProseTest, TotalsAreKeptApart) {
  BudgetRead read =
      ReadBudgetProse("甲费为3万元,乙费为5万元,共计8万元。", Source{});
  ASSERT_EQ(2u, read.lines.size());
  ASSERT_EQ(1u, read.totals.size());
  EXPECT_EQ(8'000'000, read.totals[0].value.count());
  read = ReadBudgetProse("包括设计费、排版费等费用共计2.1万元。", Source{});
  EXPECT_TRUE(read.lines.empty());
  ASSERT_EQ(1u, read.total_candidates.size());
  // "、" inside one clause lists items; it does not split the clause.
  EXPECT_EQ("包括设计费、排版费等费用", read.total_candidates[0].item);
}

TEST(IsBudgetCaptionTest, ShortTextWithoutAmount) {
  EXPECT_TRUE(IsBudgetCaption("宣传册编印资金测算方式"));
  EXPECT_FALSE(IsBudgetCaption("宣传册编印为5万元"));
  EXPECT_FALSE(IsBudgetCaption("根据工作要求,确定年度重点工作项目类型。"));
  EXPECT_FALSE(IsBudgetCaption(""));
}

TEST(ReadBudgetTableTest, NoHeaderUsesLastColumnAsAmount) {
  Table t = MakeTable(100, 100, {800, 300},
                      {{"甲类耗材", "1.2"}, {"乙类耗材", "0.8"}});
  TableContext ctx{2, 1, 2480};
  BudgetRead read = ReadBudgetTable(t, ctx, InUnit(Fen(1'000'000)));
  ASSERT_EQ(2u, read.lines.size());
  EXPECT_EQ("甲类耗材", read.lines[0].item);
  EXPECT_EQ(1'200'000, read.lines[0].amount.value.count());
  EXPECT_EQ("table 1 r1c2", read.lines[0].amount.source.where);
}

TEST(ReadBudgetTableTest, UnitNoteRowAndWanYuanHeader) {
  Table t = MakeTable(100, 100, {800, 300, 300},
                      {{"单位:万元", "", ""},
                       {"项目", "数量", "金额"},
                       {"设备", "2 台", "3.5"},
                       {"小计", "", "3.5"}},
                      {Merge{0, 0, 1, 3}});
  BudgetRead read =
      ReadBudgetTable(t, TableContext{1, 2, 2480}, InUnit(Fen(100)));
  ASSERT_EQ(1u, read.lines.size());
  EXPECT_EQ(3'500'000, read.lines[0].amount.value.count());
  EXPECT_EQ("2", read.lines[0].quantity->ToString());
  EXPECT_EQ("台", read.lines[0].unit.value_or(""));
  ASSERT_EQ(1u, read.totals.size());
  EXPECT_EQ(3'500'000, read.totals[0].value.count());
}

// A table whose rows run on over a page break: the part on the next page has
// no header row and is read with the header of the part before it.
TEST(ReadBudgetTableTest, HeaderlessContinuationReadWithPreviousHeader) {
  Table before = MakeTable(100, 100, {800, 300, 300, 300},
                           {{"公务项目组成", "数量", "单价", "资金需求"},
                            {"租车费", "50", "1000元", "5万元"},
                            {"交流项目组成", "数量", "单价", "资金需求"},
                            {"调研团出访", "3", "10万元", "30万元"}});
  BudgetRead first = ReadBudgetTable(before, TableContext{6, 1, 2480},
                                     InUnit(Fen(100)));
  ASSERT_EQ(2u, first.lines.size());
  AroundTable around = InUnit(Fen(100));
  around.carried_group = first.last_group;
  around.carried_header = first.header;
  Table after = MakeTable(100, 100, {800, 300, 300, 300},
                          {{"检查团赴外地检查", "2", "10万元", "20万元"}});
  BudgetRead read = ReadBudgetTable(after, TableContext{7, 1, 2480}, around);
  ASSERT_EQ(1u, read.lines.size());
  EXPECT_EQ("检查团赴外地检查", read.lines[0].item);
  EXPECT_EQ("交流项目组成", read.lines[0].group.value_or(""));
  ASSERT_TRUE(read.lines[0].quantity.has_value());
  EXPECT_EQ("2", read.lines[0].quantity->ToString());
  EXPECT_EQ(10'000'000, read.lines[0].unit_price.value_or(Fen(0)).count());
  EXPECT_EQ(20'000'000, read.lines[0].amount.value.count());

  // Not the first table on its page, or other columns: a table of its own.
  for (Table other : {after, MakeTable(100, 100, {800, 300, 300},
                                       {{"检查团赴外地检查", "2", "20万元"}})}) {
    BudgetRead alone = ReadBudgetTable(
        other, TableContext{7, other.cols == 4 ? 2 : 1, 2480}, around);
    ASSERT_EQ(1u, alone.lines.size());
    EXPECT_FALSE(alone.lines[0].quantity.has_value());
    EXPECT_FALSE(alone.lines[0].group.has_value());
  }
}

// A column of bare numbers names nothing: not the item column, whatever its
// header says (序号; a 数量 header OCR garbled, 数以(本)/期).
TEST(ReadBudgetTableTest, ItemColumnIsNotOneOfNumbers) {
  Table numbered = MakeTable(100, 100, {200, 800, 300},
                             {{"序号", "项目", "金额(万元)"},
                              {"1", "设备", "3.5"},
                              {"2", "维护", "1.2"}});
  BudgetRead read = ReadBudgetTable(numbered, TableContext{1, 1, 2480}, InUnit(Fen(100)));
  ASSERT_EQ(2u, read.lines.size());
  EXPECT_EQ("设备", read.lines[0].item);
  EXPECT_EQ("维护", read.lines[1].item);

  Table counts = MakeTable(100, 100, {300, 300, 500, 500},
                           {{"制作费用(元)/本", "数以(本)/期", "每期印刷费(元)", "总计印刷费(元)"},
                            {"10.39", "3850", "10.39×3850=40000", "40000×5=200000"}});
  AroundTable around = InUnit(Fen(100));
  around.caption = "区公报项目资金的测算方式";
  read = ReadBudgetTable(counts, TableContext{1, 1, 2480}, around);
  ASSERT_EQ(1u, read.lines.size());
  EXPECT_EQ("区公报", read.lines[0].item);
  EXPECT_EQ("区公报项目资金的测算方式", read.lines[0].group.value_or(""));
  EXPECT_EQ(20'000'000, read.lines[0].amount.value.count());
  EXPECT_EQ("5", read.lines[0].quantity->ToString());
}

// A 合计 column merged over all rows, cut by a page break after one row:
// above the break it differs from the row's fee, so it is a stated total;
// below the break it is empty, so the fee column holds the amounts.
TEST(ReadBudgetTableTest, MergedTotalColumnCutAfterOneRow) {
  Table before = MakeTable(100, 100, {800, 300, 300},
                           {{"内容", "讲课费(元)", "合计"}, {"甲类培训", "15000", "50000"}});
  BudgetRead first = ReadBudgetTable(before, TableContext{5, 2, 2480}, InUnit(Fen(100)));
  ASSERT_EQ(1u, first.lines.size());
  EXPECT_EQ(1'500'000, first.lines[0].amount.value.count());
  ASSERT_EQ(1u, first.totals.size());
  EXPECT_EQ(5'000'000, first.totals[0].value.count());

  AroundTable around = InUnit(Fen(100));
  around.carried_header = first.header;
  Table after = MakeTable(100, 100, {800, 300, 300},
                          {{"乙类培训", "15000", ""}, {"丙类培训", "20000", ""}},
                          {Merge{0, 2, 2, 1}});
  BudgetRead rest = ReadBudgetTable(after, TableContext{6, 1, 2480}, around);
  ASSERT_EQ(2u, rest.lines.size()) << (rest.warnings.empty() ? "" : rest.warnings[0]);
  EXPECT_EQ(2'000'000, rest.lines[1].amount.value.count());

  // Quantities priced: a 总计 above the per-period fee is the row's amount.
  Table priced = MakeTable(100, 100, {800, 300, 300, 300},
                           {{"项目", "每期费用(元)", "期数", "总计(元)"},
                            {"公报印刷", "40000", "5", "200000"}});
  BudgetRead read = ReadBudgetTable(priced, TableContext{7, 1, 2480}, InUnit(Fen(100)));
  ASSERT_EQ(1u, read.lines.size());
  EXPECT_EQ(20'000'000, read.lines[0].amount.value.count());
  EXPECT_TRUE(read.totals.empty());
}

TEST(ReadBudgetTableTest, UnreadableAmountIsAWarning) {
  Table t =
      MakeTable(100, 100, {800, 300}, {{"项目", "金额(元)"}, {"设备", "2 75"}});
  BudgetRead read =
      ReadBudgetTable(t, TableContext{1, 1, 2480}, InUnit(Fen(100)));
  EXPECT_TRUE(read.lines.empty());
  ASSERT_EQ(1u, read.warnings.size());
  EXPECT_EQ("table 1 r2: cannot parse amount \"2 75\"", read.warnings[0]);
}

TEST(ReadBudgetTableTest, NoItemColumnNamesLineByWhatIsCounted) {
  Table t = MakeTable(100, 100, {300, 300, 300},
                      {{"单次审核费用(元)", "合同文本数量(件)", "总计审核费用(元)"},
                       {"600", "20", "600×20=12000"}});
  BudgetRead read =
      ReadBudgetTable(t, TableContext{1, 1, 2480}, InUnit(Fen(100)));
  ASSERT_EQ(1u, read.lines.size());
  EXPECT_EQ("合同文本审核", read.lines[0].item);
  EXPECT_EQ(1'200'000, read.lines[0].amount.value.count());
  // The project's prose words it: the shortest phrase of one clause from
  // what is counted to what is paid for.
  AroundTable around = InUnit(Fen(100));
  around.prose = {"一、项目概述",
                  "主要内容为聘请律师,对合同文本进行审核,为各部门合同文本提供合规性审核服务。",
                  "根据合同文本的实际数量开展工作。"};
  read = ReadBudgetTable(t, TableContext{1, 1, 2480}, around);
  ASSERT_EQ(1u, read.lines.size());
  EXPECT_EQ("合同文本进行审核", read.lines[0].item);
  // Too far apart, or in another clause: the headers' words.
  around.prose = {"合同文本较多,审核工作量大。", "合同文本的起草、修订、备案和定期清理后的审核"};
  read = ReadBudgetTable(t, TableContext{1, 1, 2480}, around);
  EXPECT_EQ("合同文本审核", read.lines[0].item);
  // Only a count: the counted thing alone.
  t = MakeTable(100, 100, {300, 300, 300},
                {{"单价(元)", "合同文本数量(件)", "金额(元)"}, {"600", "20", "12000"}});
  read = ReadBudgetTable(t, TableContext{1, 1, 2480}, around);
  ASSERT_EQ(1u, read.lines.size());
  EXPECT_EQ("合同文本", read.lines[0].item);
  // A bare count names nothing.
  t = MakeTable(100, 100, {300, 300, 300},
                {{"单价(元)", "数量(件)", "金额(元)"}, {"600", "20", "12000"}});
  read = ReadBudgetTable(t, TableContext{1, 1, 2480}, InUnit(Fen(100)));
  ASSERT_EQ(1u, read.lines.size());
  EXPECT_EQ("", read.lines[0].item);
}

TEST(ReadBudgetTableTest, StrokeReadAsOneIsKeptButUnsure) {
  Table t = MakeTable(100, 100, {800, 300},
                      {{"项目", "金额"}, {"设备", "2]万元"}});
  BudgetRead read =
      ReadBudgetTable(t, TableContext{1, 1, 2480}, InUnit(Fen(100)));
  ASSERT_EQ(1u, read.lines.size());
  EXPECT_EQ(21'000'000, read.lines[0].amount.value.count());
  EXPECT_LT(read.lines[0].amount.source.confidence, 0.5f);
  EXPECT_LT(read.lines[0].confidence, 0.5f);
  EXPECT_TRUE(read.warnings.empty()) << "the row was read";
  ASSERT_EQ(1u, read.guesses.size());
  EXPECT_EQ("table 1 r2: read amount \"2]万元\" as \"21万元\", unsure",
            read.guesses[0]);
}

TEST(ReadBudgetTableTest, AmountOpeningWithZeroIsKeptButUnsure) {
  Table t = MakeTable(100, 100, {800, 300},
                      {{"项目", "金额(元)"}, {"设备", "040000"}, {"服务", "5000"}});
  BudgetRead read =
      ReadBudgetTable(t, TableContext{1, 1, 2480}, InUnit(Fen(100)));
  ASSERT_EQ(2u, read.lines.size());
  EXPECT_EQ(4'000'000, read.lines[0].amount.value.count());
  EXPECT_LT(read.lines[0].amount.source.confidence, 0.5f);
  EXPECT_FLOAT_EQ(1.0f, read.lines[1].amount.source.confidence);
  ASSERT_EQ(1u, read.guesses.size());
  EXPECT_EQ("table 1 r2: read amount \"040000\" opens with 0, a digit lost, unsure",
            read.guesses[0]);
}

}  // namespace
}  // namespace decltab::normalize
