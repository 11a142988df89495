#include <gtest/gtest.h>

#include "reconcile/rules.h"
#include "tests/reconcile/fixtures.h"

namespace decltab::reconcile {
namespace {

using testing::Line;
using testing::Stated;

std::vector<Check> RunLineRule(const Project& project, float min_confidence = 0.8f) {
  Declaration d;
  ReconcileOptions options{min_confidence};
  std::vector<Check> out;
  LineQuantityTimesPrice(RuleContext{d, &project, options}, &out);
  return out;
}

BudgetLine PricedLine(const char* quantity, int64_t price_fen, int64_t amount_fen,
                      int64_t precision = 1, float confidence = 0.99f) {
  BudgetLine line = Line("援外干部工作经费", amount_fen, "table 2 r3c4", confidence);
  line.quantity = Decimal::Parse(quantity);
  line.unit_price = Fen(price_fen);
  line.amount.precision = Fen(precision);
  line.amount.source.raw = "raw";
  return line;
}

TEST(LineQuantityTimesPriceTest, ChecksEachPricedLineAndSkipsOthers) {
  Project p;
  // 11 × 25万元 = 275万元, stated in 万元 (precision 1万元).
  p.budget_lines.push_back(PricedLine("11", 25'0000'00, 275'0000'00, 1'0000'00));
  p.budget_lines.push_back(Line("no quantity", 100'00));
  p.budget_lines.push_back(PricedLine("47", 800'00, 38000'00, 100));
  std::vector<Check> out = RunLineRule(p);
  ASSERT_EQ(2u, out.size());
  EXPECT_EQ(CheckStatus::kOk, out[0].status);
  EXPECT_EQ(
      "line 1 '援外干部工作经费': 11 × 250000.00 元 = 2750000.00 元 vs amount raw "
      "(2750000.00 元) at p2 table 2 r3c4 (conf 0.99): residue 0.00 元 within "
      "10000.00 元",
      out[0].detail);
  // 800 × 47 = 37600, not the stated 38000.
  EXPECT_EQ(CheckStatus::kMismatch, out[1].status);
  EXPECT_EQ(Fen(-400'00), out[1].delta);
  EXPECT_EQ(Fen(38000'00), out[1].expected);
  EXPECT_EQ(Fen(37600'00), out[1].computed);
  EXPECT_NE(std::string::npos, out[1].detail.find("line 3 "));
}

TEST(LineQuantityTimesPriceTest, ToleranceIsTheAmountsLastStatedDigit) {
  // 3 × 3333.00 = 9999.00 against "1万元" (precision 1万元) holds; against
  // "10000.00" (precision 0.01 元) it does not, nor against "9999.02";
  // "9999.01" is one fen off and holds.
  Project p;
  p.budget_lines.push_back(PricedLine("3", 3333'00, 10000'00, 1'0000'00));
  p.budget_lines.push_back(PricedLine("3", 3333'00, 10000'00, 1));
  p.budget_lines.push_back(PricedLine("3", 3333'00, 9999'01, 1));
  p.budget_lines.push_back(PricedLine("3", 3333'00, 9999'02, 1));
  std::vector<Check> out = RunLineRule(p);
  ASSERT_EQ(4u, out.size());
  EXPECT_EQ(CheckStatus::kOk, out[0].status);
  EXPECT_EQ(CheckStatus::kMismatch, out[1].status);
  EXPECT_EQ(CheckStatus::kOk, out[2].status);
  EXPECT_EQ(CheckStatus::kMismatch, out[3].status);
}

TEST(LineQuantityTimesPriceTest, RoundsFractionalQuantitiesToTheFen) {
  Project p;
  p.budget_lines.push_back(PricedLine("0.5", 1, 1));     // 0.005 元 -> 0.01 元
  p.budget_lines.push_back(PricedLine("1.5", 10'00, 15'00));
  std::vector<Check> out = RunLineRule(p);
  ASSERT_EQ(2u, out.size());
  EXPECT_EQ(Fen(1), out[0].computed);
  EXPECT_EQ(CheckStatus::kOk, out[0].status);
  EXPECT_EQ(Fen(15'00), out[1].computed);
}

TEST(LineQuantityTimesPriceTest, FormulaWithoutItsFactorsIsUnverifiable) {
  Project p;
  p.budget_lines.push_back(Line("审核费", 38000'00));
  p.budget_lines.back().amount_from_formula = true;
  std::vector<Check> out = RunLineRule(p);
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_EQ(
      "line 1 '审核费': formula without quantity and unit price read at p2 table 2 "
      "r1c4 (conf 0.99)",
      out[0].detail);
}

TEST(LineQuantityTimesPriceTest, LowConfidenceAmountIsUnverifiableEvenWhenItAgrees) {
  Project p;
  p.budget_lines.push_back(PricedLine("2", 5'00, 10'00, 1, 0.55f));
  std::vector<Check> out = RunLineRule(p);
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_NE(std::string::npos,
            out[0].detail.find("low confidence: line 1 '援外干部工作经费' amount "
                               "p2 table 2 r3c4 'raw' (conf 0.55)"))
      << out[0].detail;
  // A lower threshold accepts the same reading.
  EXPECT_EQ(CheckStatus::kOk, RunLineRule(p, 0.5f)[0].status);
}

}  // namespace
}  // namespace decltab::reconcile
