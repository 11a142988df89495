#include "export/json_writer.h"

#include <cmath>
#include <set>

#include "export/atomic_file.h"
#include "reconcile/reconcile.h"

namespace decltab::exporter {
namespace {

using nlohmann::ordered_json;

// Keys whose float values are 元 amounts, printed as "1250000.00".
const std::set<std::string>& MoneyKeys() {
  static const std::set<std::string> kMoneyKeys = {
      "total", "annual_request", "appropriation", "fiscal", "carryover", "other",
      "unit_price_yuan", "amount_yuan", "stated_total_yuan",
      "expected", "computed", "delta", "yuan", "precision_yuan"};
  return kMoneyKeys;
}

ordered_json Yuan(Fen f) { return static_cast<double>(f.count()) / 100.0; }

ordered_json Yuan(const std::optional<Fen>& f) {
  return f ? Yuan(*f) : ordered_json(nullptr);
}

ordered_json Yuan(const std::optional<StatedAmount>& a) {
  return a ? Yuan(a->value) : ordered_json(nullptr);
}

ordered_json Text(const std::optional<std::string>& s) {
  return s ? ordered_json(*s) : ordered_json(nullptr);
}

ordered_json Number(const Decimal& d) {
  if (d.scale == 0) return d.mantissa;
  return d.ToDouble();
}

// Three decimals are all an OCR confidence carries; 0.97f prints as 0.97.
ordered_json Confidence(float c) { return std::round(c * 1000.0) / 1000.0; }

ordered_json PageOrNull(int page) {
  return page > 0 ? ordered_json(page) : ordered_json(nullptr);
}

// Where a value was read, typed: page, cell reference, table/row/col
// (1-based, 0 unknown), box [x, y, width, height] in page pixels at dpi.
ordered_json SourceJson(const Source& s) {
  ordered_json j;
  j["page"] = PageOrNull(s.page);
  j["cell"] = s.where;
  j["table"] = s.table;
  j["row"] = s.row;
  j["col"] = s.col;
  j["box"] = s.box.empty() ? ordered_json(nullptr)
                           : ordered_json{s.box.x, s.box.y, s.box.width, s.box.height};
  j["dpi"] = s.dpi;
  j["raw"] = s.raw;
  j["confidence"] = Confidence(s.confidence);
  return j;
}

// A stated figure as read: its value, the unit of its last stated digit,
// and its source.
ordered_json StatedJson(const std::optional<StatedAmount>& a) {
  if (!a) return nullptr;
  ordered_json j;
  j["yuan"] = Yuan(a->value);
  j["precision_yuan"] = Yuan(a->precision);
  j["source"] = SourceJson(a->source);
  return j;
}

ordered_json CorrectionJson(const Correction& c) {
  ordered_json j;
  j["project"] = c.project;
  j["project_name"] = c.project_name;
  j["field"] = c.field;
  j["read"] = c.read;
  j["corrected"] = c.corrected;
  j["who"] = c.who;
  j["when"] = c.when;
  j["note"] = c.note;
  return j;
}

ordered_json CheckJson(const Check& check, const char* default_scope) {
  ordered_json j;
  j["rule"] = check.rule;
  j["status"] = ToString(check.status);
  if (check.is_count) {
    auto count = [](const std::optional<Fen>& f) {
      return f ? ordered_json(f->count()) : ordered_json(nullptr);
    };
    j["expected"] = count(check.expected);
    j["computed"] = count(check.computed);
    j["delta"] = count(check.delta);
  } else {
    j["expected"] = Yuan(check.expected);
    j["computed"] = Yuan(check.computed);
    j["delta"] = Yuan(check.delta);
  }
  j["detail"] = check.detail;
  std::optional<reconcile::RuleScope> scope = reconcile::ScopeOfRule(check.rule);
  j["scope"] = scope ? reconcile::ToString(*scope) : default_scope;
  return j;
}

ordered_json BudgetLineJson(const BudgetLine& line) {
  ordered_json j;
  j["group"] = Text(line.group);
  j["item"] = line.item;
  j["quantity"] = line.quantity ? Number(*line.quantity) : ordered_json(nullptr);
  j["unit"] = Text(line.unit);
  j["unit_price_yuan"] = Yuan(line.unit_price);
  j["amount_yuan"] = Yuan(line.amount.value);
  j["raw"] = line.raw;
  j["page"] = PageOrNull(line.amount.source.page);
  j["confidence"] = Confidence(line.confidence);
  j["cell"] = line.amount.source.where;
  j["amount_from_formula"] = line.amount_from_formula;
  j["amount_read"] = StatedJson(line.amount);
  return j;
}

ordered_json IndicatorJson(const Indicator& ind) {
  ordered_json j;
  j["level1"] = ind.level1;
  j["level2"] = ind.level2;
  j["level3"] = ind.level3;
  j["target"] = ind.target;
  if (ind.target_parsed) {
    ordered_json t;
    t["op"] = ind.target_parsed->op;
    t["value"] = Number(ind.target_parsed->value);
    t["unit"] = ind.target_parsed->unit.empty() ? ordered_json(nullptr)
                                                : ordered_json(ind.target_parsed->unit);
    j["target_parsed"] = t;
  } else {
    j["target_parsed"] = nullptr;
  }
  j["page"] = PageOrNull(ind.source.page);
  j["confidence"] = Confidence(ind.source.confidence);
  j["cell"] = ind.source.where;
  j["source"] = SourceJson(ind.source);
  return j;
}

ordered_json ProjectJson(const Project& p) {
  ordered_json j;
  j["name"] = p.name;
  j["pages"] = p.pages;
  j["category"] = Text(p.category);
  j["department"] = Text(p.department);
  j["implementer"] = Text(p.implementer);
  j["start_date"] = Text(p.start_date);
  j["end_date"] = Text(p.end_date);
  ordered_json funds;
  funds["total"] = Yuan(p.funds.total);
  funds["annual_request"] = Yuan(p.funds.annual_request);
  funds["appropriation"] = Yuan(p.funds.appropriation);
  funds["fiscal"] = Yuan(p.funds.fiscal);
  funds["carryover"] = Yuan(p.funds.carryover);
  funds["other"] = Yuan(p.funds.other);
  j["funds"] = funds;
  j["overall_goal"] = Text(p.overall_goal);
  j["annual_goal"] = Text(p.annual_goal);
  j["budget_lines"] = ordered_json::array();
  for (const BudgetLine& line : p.budget_lines)
    j["budget_lines"].push_back(BudgetLineJson(line));
  j["indicators"] = ordered_json::array();
  for (const Indicator& ind : p.indicators)
    j["indicators"].push_back(IndicatorJson(ind));
  j["checks"] = ordered_json::array();
  for (const Check& c : p.checks) j["checks"].push_back(CheckJson(c, "project"));
  j["heading_name"] = p.heading_name;
  j["warnings"] = p.warnings;
  ordered_json read;
  read["total"] = StatedJson(p.funds.total);
  read["annual_request"] = StatedJson(p.funds.annual_request);
  read["appropriation"] = StatedJson(p.funds.appropriation);
  read["fiscal"] = StatedJson(p.funds.fiscal);
  read["carryover"] = StatedJson(p.funds.carryover);
  read["other"] = StatedJson(p.funds.other);
  j["funds_read"] = read;
  j["stated_budget_totals"] = ordered_json::array();
  for (const StatedAmount& t : p.stated_budget_totals)
    j["stated_budget_totals"].push_back(StatedJson(t));
  j["unread_budget_rows"] = p.unread_budget_rows;
  return j;
}

std::string Indent(int depth) { return std::string(2 * depth, ' '); }

std::string Scalar(const ordered_json& j) {
  return j.dump(-1, ' ', /*ensure_ascii=*/false,
                ordered_json::error_handler_t::replace);
}

bool AllNumbers(const ordered_json& array) {
  for (const ordered_json& e : array)
    if (!e.is_number()) return false;
  return true;
}

void Dump(const ordered_json& j, const std::string& key, int depth, std::string* out) {
  if (j.is_object() && !j.empty()) {
    *out += "{\n";
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!first) *out += ",\n";
      first = false;
      *out += Indent(depth + 1) + Scalar(ordered_json(it.key())) + ": ";
      Dump(it.value(), it.key(), depth + 1, out);
    }
    *out += "\n" + Indent(depth) + "}";
  } else if (j.is_array() && !j.empty()) {
    // Page lists stay on one line: [1, 2, 3].
    if (AllNumbers(j)) {
      *out += "[";
      for (size_t i = 0; i < j.size(); ++i) {
        if (i > 0) *out += ", ";
        Dump(j[i], key, depth + 1, out);
      }
      *out += "]";
      return;
    }
    *out += "[\n";
    for (size_t i = 0; i < j.size(); ++i) {
      if (i > 0) *out += ",\n";
      *out += Indent(depth + 1);
      Dump(j[i], key, depth + 1, out);
    }
    *out += "\n" + Indent(depth) + "]";
  } else if (j.is_number_float() && MoneyKeys().count(key) &&
             std::fabs(j.get<double>()) < 9.0e13) {
    *out += Fen(std::llround(j.get<double>() * 100.0)).ToYuanString();
  } else {
    *out += Scalar(j);
  }
}

}  // namespace

ordered_json ToContractJson(const Declaration& d) {
  ordered_json j;
  j["schema"] = "decltab/1";
  ordered_json source;
  source["file"] = d.file;
  source["sha256"] = d.sha256;
  source["pages"] = d.page_count;
  source["kind"] = ToString(d.kind);
  source["dpi"] = d.dpi;
  source["page_skew_degrees"] = ordered_json::array();
  for (double skew : d.page_skew_degrees)
    source["page_skew_degrees"].push_back(std::round(skew * 1000.0) / 1000.0);
  j["source"] = source;
  ordered_json document;
  document["title"] = Text(d.title);
  document["stated_project_count"] =
      d.stated_project_count ? ordered_json(*d.stated_project_count) : ordered_json(nullptr);
  document["stated_total_yuan"] = Yuan(d.stated_total);
  document["warnings"] = d.warnings;
  document["stated_total"] = StatedJson(d.stated_total);
  j["document"] = document;
  j["projects"] = ordered_json::array();
  for (const Project& p : d.projects) j["projects"].push_back(ProjectJson(p));
  j["checks"] = ordered_json::array();
  for (const Check& c : d.checks) j["checks"].push_back(CheckJson(c, "document"));
  j["corrections"] = ordered_json::array();
  for (const Correction& c : d.corrections) j["corrections"].push_back(CorrectionJson(c));
  return j;
}

std::string DumpContractJson(const ordered_json& document) {
  std::string out;
  Dump(document, "", 0, &out);
  out += "\n";
  return out;
}

std::string ContractJsonText(const Declaration& declaration) {
  return DumpContractJson(ToContractJson(declaration));
}

Status WriteJson(const Declaration& declaration, const std::string& path) {
  return WriteFileAtomically(path, ContractJsonText(declaration));
}

}  // namespace decltab::exporter
