// The six rules of the output contract, one function each; reconcile.cc
// lists them in its rule table. Each appends its checks to `out`.
#ifndef DECLTAB_RECONCILE_RULES_H_
#define DECLTAB_RECONCILE_RULES_H_

#include <vector>

#include "reconcile/reconcile.h"

namespace decltab::reconcile {

// Rule names, fixed by the output contract.
inline constexpr char kLineQuantityTimesPrice[] = "line_quantity_times_price";
inline constexpr char kBudgetLinesSumEqualsTotal[] = "budget_lines_sum_equals_total";
inline constexpr char kFundsSourcesSum[] = "funds_sources_sum";
inline constexpr char kAnnualRequestEqualsTotal[] = "annual_request_equals_total";
inline constexpr char kProjectsSumEqualsStatedTotal[] = "projects_sum_equals_stated_total";
inline constexpr char kProjectCountEqualsStated[] = "project_count_equals_stated";

// Budget-line scope (context.project is set): one check per line that states
// quantity and unit price, or whose amount came from a formula.
void LineQuantityTimesPrice(const RuleContext& context, std::vector<Check>* out);

// Project scope: the lines against funds.total, then each stated budget total
// (合计 rows, prose totals) against the lines it covers.
void BudgetLinesSumEqualsTotal(const RuleContext& context, std::vector<Check>* out);
void FundsSourcesSum(const RuleContext& context, std::vector<Check>* out);
void AnnualRequestEqualsTotal(const RuleContext& context, std::vector<Check>* out);

// Document scope (context.project is nullptr).
void ProjectsSumEqualsStatedTotal(const RuleContext& context, std::vector<Check>* out);
void ProjectCountEqualsStated(const RuleContext& context, std::vector<Check>* out);

}  // namespace decltab::reconcile

#endif  // DECLTAB_RECONCILE_RULES_H_
