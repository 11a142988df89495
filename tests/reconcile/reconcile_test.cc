#include "reconcile/reconcile.h"

#include <gtest/gtest.h>

#include "reconcile/rules.h"
#include "tests/reconcile/fixtures.h"

namespace decltab::reconcile {
namespace {

using testing::ConsistentProject;
using testing::FindCheck;
using testing::Line;
using testing::Stated;

TEST(ReconcileTest, RuleTableHasTheSixContractRules) {
  std::vector<std::string> names;
  for (const RuleInfo& r : Rules()) names.push_back(r.name);
  EXPECT_EQ((std::vector<std::string>{
                "line_quantity_times_price", "budget_lines_sum_equals_total",
                "funds_sources_sum", "annual_request_equals_total",
                "projects_sum_equals_stated_total", "project_count_equals_stated"}),
            names);
  EXPECT_EQ(RuleScope::kBudgetLine, ScopeOfRule("line_quantity_times_price"));
  EXPECT_EQ(RuleScope::kDocument, ScopeOfRule("project_count_equals_stated"));
  EXPECT_EQ(RuleScope::kProject, ScopeOfRule("funds_sources_sum"));
  EXPECT_FALSE(ScopeOfRule("no_such_rule").has_value());
  EXPECT_STREQ("budget_line", ToString(RuleScope::kBudgetLine));
}

TEST(ReconcileTest, AppendsProjectAndDocumentChecks) {
  Declaration d;
  d.projects.push_back(ConsistentProject("a", 300'00));
  d.projects[0].budget_lines = {Line("x", 100'00), Line("y", 200'00)};
  d.projects[0].budget_lines[0].quantity = Decimal::Parse("4");
  d.projects[0].budget_lines[0].unit_price = Fen(25'00);
  d.projects.push_back(ConsistentProject("b", 100'00));
  d.stated_total = Stated(400'00);
  d.stated_project_count = 2;
  d.projects[1].checks.push_back(Check{"earlier", CheckStatus::kOk, {}, {}, {}, false, ""});

  Reconcile(&d, ReconcileOptions{});

  const std::vector<Check>& a = d.projects[0].checks;
  ASSERT_EQ(4u, a.size());
  EXPECT_EQ(kLineQuantityTimesPrice, a[0].rule);
  EXPECT_EQ(kBudgetLinesSumEqualsTotal, a[1].rule);
  EXPECT_EQ(kFundsSourcesSum, a[2].rule);
  EXPECT_EQ(kAnnualRequestEqualsTotal, a[3].rule);
  for (const Check& c : a) EXPECT_EQ(CheckStatus::kOk, c.status) << c.detail;

  const std::vector<Check>& b = d.projects[1].checks;
  ASSERT_EQ(4u, b.size());
  EXPECT_EQ("earlier", b[0].rule);
  EXPECT_EQ(CheckStatus::kUnverifiable,
            FindCheck(b, kBudgetLinesSumEqualsTotal)->status);

  ASSERT_EQ(2u, d.checks.size());
  EXPECT_EQ(kProjectsSumEqualsStatedTotal, d.checks[0].rule);
  EXPECT_EQ(CheckStatus::kOk, d.checks[0].status);
  EXPECT_EQ(kProjectCountEqualsStated, d.checks[1].rule);
  EXPECT_EQ(CheckStatus::kOk, d.checks[1].status);
}

TEST(ReconcileTest, MinConfidenceOptionDecidesWhatIsUnverifiable) {
  Declaration d;
  d.projects.push_back(ConsistentProject("a", 300'00));
  d.projects[0].funds.total->source.confidence = 0.75f;
  Declaration strict = d, lenient = d;
  Reconcile(&strict, ReconcileOptions{0.8f});
  Reconcile(&lenient, ReconcileOptions{0.7f});
  EXPECT_EQ(CheckStatus::kUnverifiable,
            FindCheck(strict.projects[0].checks, kAnnualRequestEqualsTotal)->status);
  EXPECT_EQ(CheckStatus::kOk,
            FindCheck(lenient.projects[0].checks, kAnnualRequestEqualsTotal)->status);
}

}  // namespace
}  // namespace decltab::reconcile
