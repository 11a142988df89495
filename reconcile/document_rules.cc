// Document rules: the projects' totals against the total the document
// states, and the number of projects against the stated count.
#include <string>

#include "reconcile/check_text.h"
#include "reconcile/rules.h"

namespace decltab::reconcile {

void ProjectsSumEqualsStatedTotal(const RuleContext& context,
                                  std::vector<Check>* out) {
  const Declaration& d = context.declaration;
  if (!d.stated_total) {
    out->push_back(
        Unverifiable(kProjectsSumEqualsStatedTotal, "stated total not read"));
    return;
  }
  if (d.projects.empty()) {
    out->push_back(Unverifiable(
        kProjectsSumEqualsStatedTotal,
        "no projects read; " + DescribeFigure("stated total", *d.stated_total)));
    return;
  }
  Fen sum;
  std::vector<std::string> missing;
  std::vector<Input> inputs = {{"stated total", &d.stated_total->source}};
  std::vector<std::string> labels(d.projects.size());
  for (size_t i = 0; i < d.projects.size(); ++i) {
    const Project& p = d.projects[i];
    labels[i] = "project " + std::to_string(i + 1) + " '" + p.name + "' funds.total";
    if (!p.funds.total) {
      missing.push_back(std::to_string(i + 1) + " '" + p.name + "'");
      continue;
    }
    sum += p.funds.total->value;
    inputs.push_back({labels[i], &p.funds.total->source});
  }
  if (!missing.empty()) {
    Check check = Unverifiable(
        kProjectsSumEqualsStatedTotal,
        "funds.total not read for project " + JoinLimited(missing, 5) + "; " +
            DescribeFigure("stated total", *d.stated_total));
    check.expected = d.stated_total->value;
    out->push_back(check);
    return;
  }
  out->push_back(CompareToStated(
      kProjectsSumEqualsStatedTotal, sum, d.stated_total->value,
      d.stated_total->precision,
      "sum of " + std::to_string(d.projects.size()) + " project totals " +
          Yuan(sum) + " vs " + DescribeFigure("stated", *d.stated_total),
      LowConfidence(inputs, context.options.min_confidence)));
}

void ProjectCountEqualsStated(const RuleContext& context, std::vector<Check>* out) {
  const Declaration& d = context.declaration;
  int64_t read = static_cast<int64_t>(d.projects.size());
  if (!d.stated_project_count) {
    Check check = Unverifiable(kProjectCountEqualsStated,
                               "stated project count not read; " +
                                   std::to_string(read) + " projects read");
    check.is_count = true;
    check.computed = Fen(read);
    out->push_back(check);
    return;
  }
  Check check;
  check.rule = kProjectCountEqualsStated;
  check.is_count = true;
  check.expected = Fen(*d.stated_project_count);
  check.computed = Fen(read);
  check.delta = Fen(read - *d.stated_project_count);
  check.status = read == *d.stated_project_count ? CheckStatus::kOk
                                                 : CheckStatus::kMismatch;
  check.detail = std::to_string(read) + " projects read vs " +
                 std::to_string(*d.stated_project_count) + " stated";
  out->push_back(check);
}

}  // namespace decltab::reconcile
