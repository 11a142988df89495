#include <gtest/gtest.h>

#include "reconcile/rules.h"
#include "tests/reconcile/fixtures.h"

namespace decltab::reconcile {
namespace {

using testing::ConsistentProject;
using testing::Stated;

std::vector<Check> RunRule(RuleFn fn, const Declaration& d) {
  ReconcileOptions options;
  std::vector<Check> out;
  fn(RuleContext{d, nullptr, options}, &out);
  return out;
}

// 14 projects totalling 60693088.00 元 against a stated 6069.30万元.
Declaration FourteenProjects() {
  Declaration d;
  for (int i = 0; i < 13; ++i)
    d.projects.push_back(ConsistentProject("p" + std::to_string(i), 4000000'00));
  d.projects.push_back(ConsistentProject("last", 8693088'00));
  d.stated_total = Stated(60693000'00, 100'00, 1, "text", "6069.30万元", 1.0f);
  d.stated_project_count = 14;
  return d;
}

TEST(ProjectsSumEqualsStatedTotalTest, HoldsWithinTheLastStatedDigit) {
  std::vector<Check> out = RunRule(&ProjectsSumEqualsStatedTotal, FourteenProjects());
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ(CheckStatus::kOk, out[0].status);
  EXPECT_EQ(
      "sum of 14 project totals 60693088.00 元 vs stated 6069.30万元 (60693000.00 元) "
      "at p1 text (conf 1.00): residue 88.00 元 within 100.00 元",
      out[0].detail);
  EXPECT_EQ(Fen(88'00), out[0].delta);
}

TEST(ProjectsSumEqualsStatedTotalTest, ToleranceEdges) {
  const struct { int64_t last_fen; CheckStatus status; } kCases[] = {
      {8693100'00, CheckStatus::kOk},        // residue +100.00
      {8693100'01, CheckStatus::kMismatch},  // residue +100.01
      {8692900'00, CheckStatus::kOk},        // residue -100.00
      {8692899'99, CheckStatus::kMismatch},  // residue -100.01
  };
  for (const auto& c : kCases) {
    Declaration d = FourteenProjects();
    d.projects.back().funds.total->value = Fen(c.last_fen);
    EXPECT_EQ(c.status, RunRule(&ProjectsSumEqualsStatedTotal, d)[0].status) << c.last_fen;
  }
}

TEST(ProjectsSumEqualsStatedTotalTest, MissingOrShakyInputsAreUnverifiable) {
  Declaration none = FourteenProjects();
  none.stated_total.reset();
  EXPECT_EQ("stated total not read",
            RunRule(&ProjectsSumEqualsStatedTotal, none)[0].detail);

  Declaration missing = FourteenProjects();
  missing.projects[2].funds.total.reset();
  std::vector<Check> out = RunRule(&ProjectsSumEqualsStatedTotal, missing);
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_EQ(0u, out[0].detail.find("funds.total not read for project 3 'p2'"));

  Declaration shaky = FourteenProjects();
  shaky.projects[4].funds.total->source.confidence = 0.3f;
  out = RunRule(&ProjectsSumEqualsStatedTotal, shaky);
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_NE(std::string::npos,
            out[0].detail.find("low confidence: project 5 'p4' funds.total p3 table 1 "
                               "r4c3 (conf 0.30)"))
      << out[0].detail;

  Declaration empty;
  empty.stated_total = Stated(1);
  EXPECT_EQ(CheckStatus::kUnverifiable,
            RunRule(&ProjectsSumEqualsStatedTotal, empty)[0].status);
}

TEST(ProjectCountEqualsStatedTest, CountsProjects) {
  Declaration d = FourteenProjects();
  std::vector<Check> out = RunRule(&ProjectCountEqualsStated, d);
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ(CheckStatus::kOk, out[0].status);
  EXPECT_TRUE(out[0].is_count);
  EXPECT_EQ(Fen(14), out[0].expected);
  EXPECT_EQ("14 projects read vs 14 stated", out[0].detail);

  d.projects.pop_back();
  out = RunRule(&ProjectCountEqualsStated, d);
  EXPECT_EQ(CheckStatus::kMismatch, out[0].status);
  EXPECT_EQ(Fen(-1), out[0].delta);

  d.stated_project_count.reset();
  out = RunRule(&ProjectCountEqualsStated, d);
  EXPECT_EQ(CheckStatus::kUnverifiable, out[0].status);
  EXPECT_EQ("stated project count not read; 13 projects read", out[0].detail);
}

}  // namespace
}  // namespace decltab::reconcile
