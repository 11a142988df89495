// Project rules: budget lines against funds.total (and against each stated
// 合计/prose total), the funds' sources, and annual request against total.
#include <string>

#include "reconcile/budget_total_spans.h"
#include "reconcile/check_text.h"
#include "reconcile/rules.h"

namespace decltab::reconcile {
namespace {

Fen SumOf(const std::vector<BudgetLine>& lines, const std::vector<size_t>& span) {
  Fen sum;
  for (size_t i : span) sum += lines[i].amount.value;
  return sum;
}

void AddLineInputs(const std::vector<BudgetLine>& lines,
                   const std::vector<size_t>& span, std::vector<Input>* inputs) {
  for (size_t i : span)
    inputs->push_back({"line " + std::to_string(i + 1), &lines[i].amount.source});
}

// One stated budget total against the lines it covers: the narrowest
// candidate span that agrees, else the narrowest span.
Check CheckStatedBudgetTotal(const Project& project, size_t index,
                             const ReconcileOptions& options) {
  const StatedAmount& total = project.stated_budget_totals[index];
  std::string label =
      CellRefOf(total.source) ? "合计 row" : "stated budget total";
  std::vector<LineSpan> spans = CandidateSpans(project, index);
  if (spans.empty())
    return Unverifiable(kBudgetLinesSumEqualsTotal,
                        DescribeFigure(label, total) + ": no budget lines read");
  const LineSpan* chosen = &spans.front();
  for (const LineSpan& span : spans) {
    if (!(total.precision < AbsFen(SumOf(project.budget_lines, span.lines) -
                                   total.value))) {
      chosen = &span;
      break;
    }
  }
  Fen sum = SumOf(project.budget_lines, chosen->lines);
  std::vector<Input> inputs = {{label, &total.source}};
  AddLineInputs(project.budget_lines, chosen->lines, &inputs);
  return CompareToStated(
      kBudgetLinesSumEqualsTotal, sum, total.value, total.precision,
      DescribeFigure(label, total) + " vs sum of " + chosen->description + " " +
          Yuan(sum),
      LowConfidence(inputs, options.min_confidence));
}

// One equation of funds_sources_sum: a + b = whole.
struct SourcesEquation {
  const char* text;  // "fiscal + other = total"
  const char* a_name;
  const std::optional<StatedAmount>* a;
  const char* b_name;
  const std::optional<StatedAmount>* b;
  const char* whole_name;
  const std::optional<StatedAmount>* whole;
};

int Severity(CheckStatus s) {
  switch (s) {
    case CheckStatus::kOk: return 0;
    case CheckStatus::kUnverifiable: return 1;
    case CheckStatus::kMismatch: return 2;
  }
  return 1;
}

}  // namespace

void BudgetLinesSumEqualsTotal(const RuleContext& context, std::vector<Check>* out) {
  const Project& project = *context.project;
  const std::vector<BudgetLine>& lines = project.budget_lines;
  const std::optional<StatedAmount>& total = project.funds.total;
  if (!total) {
    out->push_back(Unverifiable(kBudgetLinesSumEqualsTotal, "funds.total not read"));
  } else if (!project.unread_budget_rows.empty()) {
    std::string rows;
    for (const std::string& r : project.unread_budget_rows)
      rows += (rows.empty() ? "" : "; ") + r;
    out->push_back(Unverifiable(kBudgetLinesSumEqualsTotal,
                                "budget rows not read: " + rows));
  } else if (lines.empty()) {
    out->push_back(Unverifiable(
        kBudgetLinesSumEqualsTotal,
        "no budget lines read; " + DescribeFigure("funds.total", *total)));
  } else {
    std::vector<size_t> all;
    for (size_t i = 0; i < lines.size(); ++i) all.push_back(i);
    std::vector<Input> inputs = {{"funds.total", &total->source}};
    AddLineInputs(lines, all, &inputs);
    Fen sum = SumOf(lines, all);
    out->push_back(CompareToStated(
        kBudgetLinesSumEqualsTotal, sum, total->value, total->precision,
        "sum of " + std::to_string(lines.size()) + " lines " + Yuan(sum) +
            " vs " + DescribeFigure("funds.total", *total),
        LowConfidence(inputs, context.options.min_confidence)));
  }
  for (size_t i = 0; i < project.stated_budget_totals.size(); ++i)
    out->push_back(CheckStatedBudgetTotal(project, i, context.options));
}

void FundsSourcesSum(const RuleContext& context, std::vector<Check>* out) {
  const Funds& f = context.project->funds;
  const SourcesEquation kEquations[] = {
      {"fiscal + other = total", "fiscal", &f.fiscal, "other", &f.other, "total",
       &f.total},
      {"appropriation + carryover = annual_request", "appropriation",
       &f.appropriation, "carryover", &f.carryover, "annual_request",
       &f.annual_request},
  };
  std::optional<Check> worst;
  std::string detail;
  for (const SourcesEquation& eq : kEquations) {
    const std::optional<StatedAmount>* parts[] = {eq.a, eq.b, eq.whole};
    const char* names[] = {eq.a_name, eq.b_name, eq.whole_name};
    std::string missing;
    int present = 0;
    for (int k = 0; k < 3; ++k) {
      if (parts[k]->has_value()) {
        ++present;
      } else {
        missing += std::string(missing.empty() ? "" : ", ") + "funds." + names[k];
      }
    }
    // A form without this part at all (no field of it read) is not checked.
    if (present == 0) continue;
    Check check;
    if (!missing.empty()) {
      check = Unverifiable(kFundsSourcesSum, missing + " not read");
    } else {
      const StatedAmount& a = **eq.a;
      const StatedAmount& b = **eq.b;
      const StatedAmount& whole = **eq.whole;
      Fen tolerance = MaxFen(whole.precision, MaxFen(a.precision, b.precision));
      std::string a_label = std::string("funds.") + eq.a_name;
      std::string b_label = std::string("funds.") + eq.b_name;
      std::string whole_label = std::string("funds.") + eq.whole_name;
      check = CompareToStated(
          kFundsSourcesSum, a.value + b.value, whole.value, tolerance,
          DescribeFigure(a_label, a) + " + " + DescribeFigure(b_label, b) +
              " = " + Yuan(a.value + b.value) + " vs " +
              DescribeFigure(whole_label, whole),
          LowConfidence({{a_label, &a.source},
                         {b_label, &b.source},
                         {whole_label, &whole.source}},
                        context.options.min_confidence));
    }
    if (!detail.empty()) detail += " | ";
    detail += std::string(eq.text) + ": " + ToString(check.status) + " (" +
              check.detail + ")";
    if (!worst || Severity(check.status) > Severity(worst->status))
      worst = check;
  }
  if (!worst) {
    out->push_back(Unverifiable(kFundsSourcesSum, "no funds sources read"));
    return;
  }
  worst->detail = detail;
  out->push_back(*worst);
}

void AnnualRequestEqualsTotal(const RuleContext& context, std::vector<Check>* out) {
  const Funds& f = context.project->funds;
  if (!f.total || !f.annual_request) {
    std::string missing = !f.total && !f.annual_request
                              ? "funds.annual_request, funds.total"
                              : !f.total ? "funds.total" : "funds.annual_request";
    out->push_back(Unverifiable(kAnnualRequestEqualsTotal, missing + " not read"));
    return;
  }
  out->push_back(CompareToStated(
      kAnnualRequestEqualsTotal, f.annual_request->value, f.total->value,
      MaxFen(f.total->precision, f.annual_request->precision),
      DescribeFigure("funds.annual_request", *f.annual_request) + " vs " +
          DescribeFigure("funds.total", *f.total),
      LowConfidence({{"funds.annual_request", &f.annual_request->source},
                     {"funds.total", &f.total->source}},
                    context.options.min_confidence)));
}

}  // namespace decltab::reconcile
