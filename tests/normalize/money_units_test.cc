// Every reader of amounts knows every unit of normalize/money_units.h: the
// amount parser, unit notes, budget table headers and budget prose. (The
// form's header grid and the document's stated total: declaration_builder_test.)
#include "normalize/money_units.h"

#include <gtest/gtest.h>

#include "layout_builder.h"
#include "normalize/amount.h"
#include "normalize/budget_reader.h"
#include "normalize/text.h"

namespace decltab::normalize {
namespace {

using testing::MakeTable;

TEST(MoneyUnitsTest, ParseAmountReadsEveryUnit) {
  for (const MoneyUnit& u : kMoneyUnits) {
    Result<StatedAmount> a = ParseAmount("3" + std::string(u.text));
    ASSERT_TRUE(a.ok()) << u.text;
    EXPECT_EQ(3 * u.fen.count(), a->value.count()) << u.text;
  }
  EXPECT_FALSE(ParseAmount("3美元").ok());
}

TEST(MoneyUnitsTest, UnitNoteNamesEveryMoneyUnit) {
  for (const MoneyUnit& u : kMoneyUnits) {
    std::optional<Fen> note = UnitNote("单位:" + std::string(u.text));
    if (u.names_money) {
      ASSERT_TRUE(note.has_value()) << u.text;
      EXPECT_EQ(u.fen, *note) << u.text;
    } else {
      EXPECT_FALSE(note.has_value()) << u.text;
    }
  }
  EXPECT_EQ(Fen(100'000), UnitNote("单位：千元").value_or(Fen(0)));
  EXPECT_FALSE(UnitNote("单位名称").has_value());
}

TEST(MoneyUnitsTest, LabelsStateUnitsInBracketsOnly) {
  EXPECT_EQ(Fen(100'000), UnitInLabel("项目资金(千元)").value_or(Fen(0)));
  EXPECT_EQ(kYiYuan, UnitInLabel("金额(亿元)").value_or(Fen(0)));
  EXPECT_EQ(kYuan, UnitInLabel("项目资金(元)").value_or(Fen(0)));
  EXPECT_FALSE(UnitInLabel("总额500万元").has_value());
}

TEST(MoneyUnitsTest, BudgetProseEndsInEveryMoneyUnit) {
  for (const MoneyUnit& u : kMoneyUnits) {
    BudgetRead read =
        ReadBudgetProse("印刷费为3" + std::string(u.text) + "。", Source{});
    if (!u.names_money) {
      // "覆盖3万" may count people: no line.
      EXPECT_TRUE(read.lines.empty()) << u.text;
      continue;
    }
    ASSERT_EQ(1u, read.lines.size()) << u.text;
    EXPECT_EQ("印刷费", read.lines[0].item);
    EXPECT_EQ(3 * u.fen.count(), read.lines[0].amount.value.count()) << u.text;
  }
}

TEST(MoneyUnitsTest, BudgetTableHeaderNamesEveryMoneyUnit) {
  for (const MoneyUnit& u : kMoneyUnits) {
    if (!u.names_money) continue;
    Table t = MakeTable(100, 100, {800, 300, 300},
                        {{"项目", "数量", "金额(" + std::string(u.text) + ")"},
                         {"设备", "2 台", "3"}});
    AroundTable around;
    around.default_unit = kYuan;
    BudgetRead read = ReadBudgetTable(t, TableContext{1, 1, 2480}, around);
    ASSERT_EQ(1u, read.lines.size()) << u.text;
    EXPECT_EQ(3 * u.fen.count(), read.lines[0].amount.value.count()) << u.text;
  }
}

TEST(MoneyUnitsTest, TotalWordsOfTablesAreTotalWordsOfProse) {
  for (std::string_view w : kTableTotalWords)
    EXPECT_TRUE(ContainsAny(w, kProseTotalWords)) << w;
}

}  // namespace
}  // namespace decltab::normalize
