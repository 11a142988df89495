#include <gtest/gtest.h>

#include "reconcile/rules.h"
#include "tests/reconcile/fixtures.h"

namespace decltab::reconcile {
namespace {

using testing::ConsistentProject;
using testing::Line;
using testing::Stated;

std::vector<Check> RunRule(RuleFn fn, const Project& project) {
  Declaration d;
  ReconcileOptions options;
  std::vector<Check> out;
  fn(RuleContext{d, &project, options}, &out);
  return out;
}

TEST(BudgetLinesSumEqualsTotalTest, ComparesTheSumOfLinesWithFundsTotal) {
  Project p = ConsistentProject("p", 300'00);
  p.budget_lines = {Line("a", 100'00, "table 2 r1c4"), Line("b", 200'00, "table 2 r2c4")};
  std::vector<Check> out = RunRule(&BudgetLinesSumEqualsTotal, p);
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ(CheckStatus::kOk, out[0].status);
  EXPECT_EQ(
      "sum of 2 lines 300.00 元 vs funds.total 300.00 元 at p3 table 1 r4c3 "
      "(conf 0.99): residue 0.00 元 within 0.01 元",
      out[0].detail);

  p.budget_lines[1].amount.value = Fen(250'00);
  out = RunRule(&BudgetLinesSumEqualsTotal, p);
  EXPECT_EQ(CheckStatus::kMismatch, out[0].status);
  EXPECT_EQ(Fen(50'00), out[0].delta);
}

TEST(BudgetLinesSumEqualsTotalTest, MissingInputsAreUnverifiable) {
  Project no_total;
  no_total.budget_lines = {Line("a", 1'00)};
  std::vector<Check> out = RunRule(&BudgetLinesSumEqualsTotal, no_total);
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_EQ("funds.total not read", out[0].detail);

  Project no_lines = ConsistentProject("p", 1'00);
  out = RunRule(&BudgetLinesSumEqualsTotal, no_lines);
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_EQ("no budget lines read; funds.total 1.00 元 at p3 table 1 r4c3 (conf 0.99)",
            out[0].detail);
}

TEST(BudgetLinesSumEqualsTotalTest, LowConfidenceLineIsNamedWithItsCell) {
  Project p = ConsistentProject("p", 300'00);
  p.budget_lines = {Line("a", 100'00, "table 2 r1c4"),
                    Line("b", 200'00, "table 2 r2c4", 0.42f)};
  p.budget_lines[1].amount.source.raw = "2O0";
  std::vector<Check> out = RunRule(&BudgetLinesSumEqualsTotal, p);
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_NE(std::string::npos,
            out[0].detail.find("low confidence: line 2 p2 table 2 r2c4 '2O0' (conf 0.42)"))
      << out[0].detail;
}

TEST(BudgetLinesSumEqualsTotalTest, StatedTotalsCoverTheLinesAboveThemOrTheirTable) {
  // Table 2 on page 2: two lines, 小计 (row 3), two lines, 合计 (row 6);
  // a prose total covers every line of the project.
  Project p = ConsistentProject("p", 1000'00);
  p.budget_lines = {Line("a", 100'00, "table 2 r1c2"), Line("b", 200'00, "table 2 r2c2"),
                    Line("c", 300'00, "table 2 r4c2"), Line("d", 400'00, "table 2 r5c2")};
  p.stated_budget_totals = {Stated(300'00, 1, 2, "table 2 r3c2", "300"),
                            Stated(1000'00, 1, 2, "table 2 r6c2", "1000"),
                            Stated(1000'00, 100'00, 2, "text", "0.1万元")};
  std::vector<Check> out = RunRule(&BudgetLinesSumEqualsTotal, p);
  ASSERT_EQ(4u, out.size());
  for (const Check& c : out) {
    EXPECT_EQ(kBudgetLinesSumEqualsTotal, c.rule);
    EXPECT_EQ(CheckStatus::kOk, c.status) << c.detail;
  }
  EXPECT_EQ(
      "合计 row 300 元 at p2 table 2 r3c2 (conf 0.99) vs sum of 2 lines of "
      "p2 table 2 above it 300.00 元: residue 0.00 元 within 0.01 元",
      out[1].detail);
  // The 合计 after a 小计 covers the whole table, not just the rows since.
  EXPECT_EQ(
      "合计 row 1000 元 at p2 table 2 r6c2 (conf 0.99) vs sum of 4 lines of "
      "p2 table 2 1000.00 元: residue 0.00 元 within 0.01 元",
      out[2].detail);
  EXPECT_EQ(0u, out[3].detail.find("stated budget total 0.1万元 (1000.00 元) at p2 text"))
      << out[3].detail;
  EXPECT_NE(std::string::npos, out[3].detail.find("4 lines of the project"));
}

TEST(BudgetLinesSumEqualsTotalTest, WrongStatedTotalIsAMismatchAgainstItsNarrowestSpan) {
  Project p = ConsistentProject("p", 300'00);
  p.budget_lines = {Line("a", 100'00, "table 2 r1c2"), Line("b", 200'00, "table 2 r2c2")};
  p.stated_budget_totals = {Stated(310'00, 1, 2, "table 2 r3c2", "310")};
  std::vector<Check> out = RunRule(&BudgetLinesSumEqualsTotal, p);
  ASSERT_EQ(2u, out.size());
  EXPECT_EQ(CheckStatus::kOk, out[0].status);
  EXPECT_EQ(CheckStatus::kMismatch, out[1].status);
  EXPECT_EQ(Fen(-10'00), out[1].delta);
  EXPECT_EQ(0u, out[1].detail.find("合计 row 310 元 at p2 table 2 r3c2"));
}

TEST(FundsSourcesSumTest, ConsistentFundsAreOk) {
  std::vector<Check> out = RunRule(&FundsSourcesSum, ConsistentProject("p", 500'00));
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ(CheckStatus::kOk, out[0].status);
  EXPECT_EQ(0u, out[0].detail.find("fiscal + other = total: ok ("));
  EXPECT_NE(std::string::npos,
            out[0].detail.find(" | appropriation + carryover = annual_request: ok ("));
}

TEST(FundsSourcesSumTest, DetailNamesTheEquationThatFailed) {
  Project p = ConsistentProject("p", 500'00);
  p.funds.carryover = Stated(20'00, 1, 3, "table 1 r6c5");
  std::vector<Check> out = RunRule(&FundsSourcesSum, p);
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ(CheckStatus::kMismatch, out[0].status);
  EXPECT_EQ(Fen(20'00), out[0].delta);
  EXPECT_EQ(Fen(500'00), out[0].expected);
  EXPECT_EQ(Fen(520'00), out[0].computed);
  EXPECT_NE(std::string::npos,
            out[0].detail.find("appropriation + carryover = annual_request: mismatch ("));
  EXPECT_EQ(0u, out[0].detail.find("fiscal + other = total: ok ("));
}

TEST(FundsSourcesSumTest, MissingOrShakyFieldsAreUnverifiable) {
  Project missing = ConsistentProject("p", 500'00);
  missing.funds.other.reset();
  std::vector<Check> out = RunRule(&FundsSourcesSum, missing);
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_NE(std::string::npos,
            out[0].detail.find("fiscal + other = total: unverifiable (funds.other not read)"));

  Project shaky = ConsistentProject("p", 500'00);
  shaky.funds.fiscal->source.confidence = 0.3f;
  out = RunRule(&FundsSourcesSum, shaky);
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_NE(std::string::npos, out[0].detail.find("funds.fiscal p3 table 1 r5c3"));

  // A confident mismatch outweighs an unverifiable equation.
  Project both = ConsistentProject("p", 500'00);
  both.funds.other.reset();
  both.funds.appropriation->value = Fen(1);
  EXPECT_EQ(CheckStatus::kMismatch, RunRule(&FundsSourcesSum, both)[0].status);

  EXPECT_EQ("no funds sources read", RunRule(&FundsSourcesSum, Project{})[0].detail);
}

TEST(FundsSourcesSumTest, FormWithoutTheAnnualColumnChecksOnlyTheFirstEquation) {
  Project p = ConsistentProject("p", 500'00);
  p.funds.annual_request.reset();
  p.funds.appropriation.reset();
  p.funds.carryover.reset();
  std::vector<Check> out = RunRule(&FundsSourcesSum, p);
  EXPECT_EQ(CheckStatus::kOk, out[0].status);
  EXPECT_EQ(std::string::npos, out[0].detail.find("annual_request"));
}

TEST(AnnualRequestEqualsTotalTest, ComparesWithinTheCoarserPrecision) {
  Project p = ConsistentProject("p", 37800000'00);
  EXPECT_EQ(CheckStatus::kOk, RunRule(&AnnualRequestEqualsTotal, p)[0].status);
  // "3780万元" (precision 1万元) against 37800000.00 + 9999.99.
  p.funds.annual_request = Stated(37800000'00, 1'0000'00, 3, "table 1 r4c5", "3780万元");
  p.funds.total->value = Fen(37809999'99);
  std::vector<Check> out = RunRule(&AnnualRequestEqualsTotal, p);
  EXPECT_EQ(CheckStatus::kOk, out[0].status) << out[0].detail;
  p.funds.total->value = Fen(37810000'01);
  EXPECT_EQ(CheckStatus::kMismatch, RunRule(&AnnualRequestEqualsTotal, p)[0].status);

  p.funds.total.reset();
  out = RunRule(&AnnualRequestEqualsTotal, p);
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_EQ("funds.total not read", out[0].detail);
}

}  // namespace
}  // namespace decltab::reconcile
