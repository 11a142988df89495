#include "reconcile/reconcile.h"

#include "reconcile/rules.h"

namespace decltab::reconcile {

const std::vector<RuleInfo>& Rules() {
  static const std::vector<RuleInfo> kRules = {
      {kLineQuantityTimesPrice, RuleScope::kBudgetLine, &LineQuantityTimesPrice},
      {kBudgetLinesSumEqualsTotal, RuleScope::kProject, &BudgetLinesSumEqualsTotal},
      {kFundsSourcesSum, RuleScope::kProject, &FundsSourcesSum},
      {kAnnualRequestEqualsTotal, RuleScope::kProject, &AnnualRequestEqualsTotal},
      {kProjectsSumEqualsStatedTotal, RuleScope::kDocument,
       &ProjectsSumEqualsStatedTotal},
      {kProjectCountEqualsStated, RuleScope::kDocument, &ProjectCountEqualsStated},
  };
  return kRules;
}

const char* ToString(RuleScope scope) {
  switch (scope) {
    case RuleScope::kBudgetLine: return "budget_line";
    case RuleScope::kProject: return "project";
    case RuleScope::kDocument: return "document";
  }
  return "project";
}

std::optional<RuleScope> ScopeOfRule(const std::string& rule) {
  for (const RuleInfo& info : Rules())
    if (rule == info.name) return info.scope;
  return std::nullopt;
}

void Reconcile(Declaration* declaration, const ReconcileOptions& options) {
  // Rules read the whole declaration, so checks are gathered first and
  // appended after every rule has run.
  std::vector<std::vector<Check>> project_checks(declaration->projects.size());
  std::vector<Check> document_checks;
  for (const RuleInfo& rule : Rules()) {
    if (rule.scope == RuleScope::kDocument) {
      rule.fn(RuleContext{*declaration, nullptr, options}, &document_checks);
      continue;
    }
    for (size_t i = 0; i < declaration->projects.size(); ++i)
      rule.fn(RuleContext{*declaration, &declaration->projects[i], options},
              &project_checks[i]);
  }
  for (size_t i = 0; i < declaration->projects.size(); ++i) {
    std::vector<Check>& to = declaration->projects[i].checks;
    to.insert(to.end(), project_checks[i].begin(), project_checks[i].end());
  }
  declaration->checks.insert(declaration->checks.end(), document_checks.begin(),
                             document_checks.end());
}

}  // namespace decltab::reconcile
