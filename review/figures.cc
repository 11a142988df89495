#include "review/figures.h"

#include <algorithm>
#include <regex>

#include "reconcile/rules.h"

namespace decltab::review {
namespace {

std::string Grouped(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

Figure Amount(int project, const std::string& field, const std::string& label,
              const StatedAmount& amount) {
  return Figure{project, field, label, GroupedYuan(amount.value),
                amount.value.ToYuanString(), amount.source};
}

int IndexOf(const std::vector<Figure>& figures, int project, const std::string& field) {
  for (size_t i = 0; i < figures.size(); ++i)
    if (figures[i].project == project && figures[i].field == field)
      return static_cast<int>(i);
  return -1;
}

}  // namespace

std::string GroupedYuan(Fen amount) {
  int64_t c = amount.count() < 0 ? -amount.count() : amount.count();
  std::string frac = std::to_string(c % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return (amount.count() < 0 ? "-" : "") + Grouped(c / 100) + "." + frac + " 元";
}

std::vector<Figure> Figures(const Declaration& d) {
  std::vector<Figure> out;
  if (d.stated_total)
    out.push_back(Amount(0, "stated_total", "stated total", *d.stated_total));
  for (size_t p = 0; p < d.projects.size(); ++p) {
    const Project& project = d.projects[p];
    const int n = static_cast<int>(p + 1);
    const std::pair<const char*, const std::optional<StatedAmount>*> kFunds[] = {
        {"total", &project.funds.total},
        {"annual_request", &project.funds.annual_request},
        {"appropriation", &project.funds.appropriation},
        {"fiscal", &project.funds.fiscal},
        {"carryover", &project.funds.carryover},
        {"other", &project.funds.other}};
    for (const auto& [name, slot] : kFunds)
      if (*slot)
        out.push_back(Amount(n, std::string("funds.") + name,
                             std::string("funds.") + name, **slot));
    for (size_t i = 0; i < project.stated_budget_totals.size(); ++i) {
      std::string id = std::to_string(i + 1);
      out.push_back(Amount(n, "stated_budget_totals[" + id + "]",
                           "budget total " + id, project.stated_budget_totals[i]));
    }
    for (size_t i = 0; i < project.budget_lines.size(); ++i) {
      const BudgetLine& line = project.budget_lines[i];
      std::string id = std::to_string(i + 1);
      out.push_back(Amount(n, "budget_lines[" + id + "].amount",
                           "line " + id + " " + line.item, line.amount));
    }
    for (size_t i = 0; i < project.indicators.size(); ++i) {
      const Indicator& ind = project.indicators[i];
      std::string id = std::to_string(i + 1);
      out.push_back(Figure{n, "indicators[" + id + "].target",
                           "indicator " + id + " " + ind.level3, ind.target,
                           ind.target, ind.source});
    }
  }
  return out;
}

std::vector<size_t> CheckFigures(const Declaration& d, int project, const Check& check,
                                 const std::vector<Figure>& figures) {
  using namespace reconcile;
  std::vector<size_t> out;
  auto add = [&](int p, const std::string& field) {
    int i = IndexOf(figures, p, field);
    if (i >= 0 && std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
  };
  const Project* p = project >= 1 && project <= static_cast<int>(d.projects.size())
                         ? &d.projects[project - 1]
                         : nullptr;
  const std::string& rule = check.rule;
  if (rule == kLineQuantityTimesPrice) {
    std::smatch m;
    static const std::regex kLine("^line (\\d+) ");
    if (std::regex_search(check.detail, m, kLine))
      add(project, "budget_lines[" + m[1].str() + "].amount");
  } else if (rule == kBudgetLinesSumEqualsTotal && p != nullptr) {
    if (check.detail.rfind("sum of", 0) == 0 || !check.expected) {
      add(project, "funds.total");
    } else {
      for (size_t i = 0; i < p->stated_budget_totals.size(); ++i)
        if (p->stated_budget_totals[i].value == *check.expected)
          add(project, "stated_budget_totals[" + std::to_string(i + 1) + "]");
    }
    for (size_t i = 0; i < p->budget_lines.size(); ++i)
      add(project, "budget_lines[" + std::to_string(i + 1) + "].amount");
  } else if (rule == kFundsSourcesSum) {
    for (const char* f : {"fiscal", "other", "total", "appropriation", "carryover",
                          "annual_request"})
      add(project, std::string("funds.") + f);
  } else if (rule == kAnnualRequestEqualsTotal) {
    add(project, "funds.annual_request");
    add(project, "funds.total");
  } else if (rule == kProjectsSumEqualsStatedTotal) {
    add(0, "stated_total");
    for (size_t i = 0; i < d.projects.size(); ++i)
      add(static_cast<int>(i + 1), "funds.total");
  }
  return out;
}

std::vector<size_t> ReviewQueue(const std::vector<Figure>& figures, float below) {
  std::vector<size_t> out;
  for (size_t i = 0; i < figures.size(); ++i)
    if (figures[i].source.confidence < below) out.push_back(i);
  std::stable_sort(out.begin(), out.end(), [&](size_t a, size_t b) {
    return figures[a].source.confidence < figures[b].source.confidence;
  });
  return out;
}

std::string CheckInWords(const Check& check) {
  using namespace reconcile;
  if (!check.computed || !check.expected) return "";
  auto figure = [&](Fen f) {
    return check.is_count ? Grouped(f.count()) : GroupedYuan(f);
  };
  const std::string computed = figure(*check.computed);
  const std::string expected = figure(*check.expected);
  const std::string& rule = check.rule;
  std::string out;
  if (rule == kBudgetLinesSumEqualsTotal) {
    std::smatch m;
    static const std::regex kLines("^sum of (\\d+) lines");
    static const std::regex kCovered(" vs sum of (\\d+) lines?");
    std::string lines = "the lines";
    if (std::regex_search(check.detail, m, kLines) ||
        std::regex_search(check.detail, m, kCovered))
      lines = m[1].str() + (m[1].str() == "1" ? " line" : " lines");
    out = lines + " sum to " + computed + "; the form states " + expected;
  } else if (rule == kLineQuantityTimesPrice) {
    out = "quantity × unit price gives " + computed + "; the line states " + expected;
  } else if (rule == kFundsSourcesSum) {
    out = "the parts add up to " + computed + "; the form states " + expected;
  } else if (rule == kAnnualRequestEqualsTotal) {
    out = "the annual request is " + computed + "; the total is " + expected;
  } else if (rule == kProjectsSumEqualsStatedTotal) {
    out = "the project totals sum to " + computed + "; the document states " + expected;
  } else if (rule == kProjectCountEqualsStated) {
    out = computed + " projects read; the document states " + expected;
  } else {
    out = "computed " + computed + "; stated " + expected;
  }
  Fen delta = check.delta.value_or(*check.computed - *check.expected);
  Fen apart(delta.count() < 0 ? -delta.count() : delta.count());
  if (apart.count() == 0)
    out += "; they agree";
  else if (check.status == CheckStatus::kOk)
    out += "; " + figure(apart) + " apart, within the precision the form states";
  else
    out += "; " + figure(apart) + " apart";
  if (check.status == CheckStatus::kUnverifiable)
    out += ", but not every figure was read with confidence";
  return out;
}

}  // namespace decltab::review
