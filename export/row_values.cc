#include "export/row_values.h"

#include <cmath>
#include <utility>

#include <nlohmann/json.hpp>

#include "reconcile/reconcile.h"

namespace decltab::exporter {
namespace {

SqlValue JsonList(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump(-1, ' ', false,
                                    nlohmann::json::error_handler_t::replace);
}

SqlValue Page(int page) {
  return page > 0 ? SqlValue(static_cast<int64_t>(page)) : SqlValue(nullptr);
}

SqlValue Confidence(float c) { return std::round(c * 1000.0) / 1000.0; }

SqlValue Seq(size_t i) { return static_cast<int64_t>(i + 1); }

std::string PageList(const std::vector<int>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i)
    out += (i ? "," : "") + std::to_string(pages[i]);
  return out;
}

SqlValue Stated(const std::optional<StatedAmount>& a) {
  return a ? SqlValue(a->value.count()) : SqlValue(nullptr);
}

}  // namespace

Row DocumentRow(const Declaration& d) {
  return {Sha(d.sha256), d.file, int64_t{d.page_count}, std::string(ToString(d.kind)),
          OrNull(d.stated_project_count), Stated(d.stated_total), OrNull(d.title),
          JsonList(d.warnings)};
}

Row ProjectRow(const Project& p, size_t index) {
  const Funds& f = p.funds;
  return {Seq(index), p.name, p.heading_name, PageList(p.pages),
          OrNull(p.category), OrNull(p.department), OrNull(p.implementer),
          OrNull(p.start_date), OrNull(p.end_date), Stated(f.total),
          Stated(f.annual_request), Stated(f.appropriation), Stated(f.fiscal),
          Stated(f.carryover), Stated(f.other), OrNull(p.overall_goal),
          OrNull(p.annual_goal), JsonList(p.warnings)};
}

Row BudgetLineRow(const BudgetLine& l, size_t index) {
  return {Seq(index), OrNull(l.group), l.item,
          l.quantity ? SqlValue(l.quantity->ToDouble()) : SqlValue(nullptr),
          l.quantity ? SqlValue(l.quantity->ToString()) : SqlValue(nullptr),
          OrNull(l.unit), OrNull(l.unit_price), l.amount.value.count(),
          int64_t{l.amount_from_formula ? 1 : 0}, l.raw,
          Page(l.amount.source.page), l.amount.source.where,
          Confidence(l.confidence)};
}

Row IndicatorRow(const Indicator& ind, size_t index) {
  const std::optional<TargetParsed>& t = ind.target_parsed;
  return {Seq(index), ind.level1, ind.level2, ind.level3, ind.target,
          t ? SqlValue(t->op) : SqlValue(nullptr),
          t ? SqlValue(t->value.ToDouble()) : SqlValue(nullptr),
          t ? SqlValue(t->value.ToString()) : SqlValue(nullptr),
          t && !t->unit.empty() ? SqlValue(t->unit) : SqlValue(nullptr),
          Page(ind.source.page), ind.source.where,
          Confidence(ind.source.confidence)};
}

Row CheckRow(const Check& c, size_t index, const char* default_scope) {
  std::optional<reconcile::RuleScope> scope = reconcile::ScopeOfRule(c.rule);
  return {Seq(index), std::string(scope ? reconcile::ToString(*scope) : default_scope),
          c.rule, std::string(ToString(c.status)), OrNull(c.expected),
          OrNull(c.computed), OrNull(c.delta), int64_t{c.is_count ? 1 : 0},
          c.detail};
}

SqlValue Sha(const std::string& sha256) {
  return sha256.empty() ? SqlValue(nullptr) : SqlValue(sha256);
}

Row CorrectionRow(const Correction& c, size_t index,
                  const std::vector<int64_t>& project_ids) {
  SqlValue project = c.project >= 1 && c.project <= static_cast<int>(project_ids.size())
                         ? SqlValue(project_ids[c.project - 1])
                         : SqlValue(nullptr);
  return {std::move(project), Seq(index), c.field, c.read, c.corrected, c.who, c.when,
          c.note};
}

Row WithParent(SqlValue parent, Row row) {
  row.insert(row.begin(), std::move(parent));
  return row;
}

}  // namespace decltab::exporter
