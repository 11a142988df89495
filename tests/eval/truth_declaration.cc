#include "tests/eval/truth_declaration.h"

#include <cmath>
#include <regex>

namespace decltab::eval {
namespace {

using nlohmann::json;

std::optional<std::string> OptText(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::string Str(const json& j, const char* key) {
  return OptText(j, key).value_or("");
}

Fen ToFen(const json& v) { return Fen(std::llround(v.get<double>() * 100.0)); }

std::optional<Decimal> ToDecimal(const json& v) {
  if (!v.is_number()) return std::nullopt;
  return Decimal::Parse(v.dump());
}

// "37800000.00" -> 1 fen, "37800000" -> 100 fen.
Fen PrecisionOf(const std::string& text) {
  size_t dot = text.find('.');
  if (dot == std::string::npos) return Fen(100);
  size_t decimals = text.size() - dot - 1;
  return Fen(decimals >= 2 ? 1 : decimals == 1 ? 10 : 100);
}

std::optional<StatedAmount> Funds(const json& project, const char* key) {
  const json& funds = project.value("funds", json::object());
  auto it = funds.find(key);
  if (it == funds.end() || !it->is_number()) return std::nullopt;
  StatedAmount a;
  a.value = ToFen(*it);
  a.precision = Fen(100);
  std::string where = std::string("funds.") + key;
  if (project.contains("form") && project["form"].contains("funds_text")) {
    const json& texts = project["form"]["funds_text"];
    if (texts.contains(key) && texts[key].is_string()) {
      a.source.raw = texts[key].get<std::string>();
      a.precision = PrecisionOf(a.source.raw);
    }
  }
  a.source.where = where;
  return a;
}

}  // namespace

Declaration DeclarationFromTruth(const json& truth) {
  Declaration d;
  const json& source = truth.value("source", json::object());
  d.file = Str(source, "file");
  const json& doc = truth.value("document", json::object());
  d.title = OptText(doc, "title");
  if (doc.contains("stated_project_count") && doc["stated_project_count"].is_number())
    d.stated_project_count = doc["stated_project_count"].get<int>();
  if (doc.contains("stated_total_yuan") && doc["stated_total_yuan"].is_number()) {
    StatedAmount total;
    total.value = ToFen(doc["stated_total_yuan"]);
    total.precision = Fen(1);
    total.source.where = "text";
    // "涉及项目预算资金6069.30万元": two decimals of 万元 state to 100 元.
    std::regex wan("([0-9]+)(\\.([0-9]+))?万元");
    for (const json& line : truth.value("render", json::object()).value("preamble", json::array())) {
      std::string text = line.get<std::string>();
      std::smatch m;
      if (std::regex_search(text, m, wan)) {
        int decimals = m[3].matched ? static_cast<int>(m[3].length()) : 0;
        int64_t p = 1000000;
        for (int i = 0; i < decimals; ++i) p /= 10;
        total.precision = Fen(p);
        total.source.raw = m[0];
      }
    }
    d.stated_total = total;
  }
  for (const json& p : truth.value("projects", json::array())) {
    Project project;
    project.name = Str(p, "name");
    project.category = OptText(p, "category");
    project.department = OptText(p, "department");
    project.implementer = OptText(p, "implementer");
    project.start_date = OptText(p, "start_date");
    project.end_date = OptText(p, "end_date");
    project.funds.total = Funds(p, "total");
    project.funds.annual_request = Funds(p, "annual_request");
    project.funds.appropriation = Funds(p, "appropriation");
    project.funds.fiscal = Funds(p, "fiscal");
    project.funds.carryover = Funds(p, "carryover");
    project.funds.other = Funds(p, "other");
    for (const json& l : p.value("budget_lines", json::array())) {
      BudgetLine line;
      line.group = OptText(l, "group");
      line.item = Str(l, "item");
      line.quantity = ToDecimal(l.contains("quantity") ? l["quantity"] : json());
      line.unit = OptText(l, "unit");
      if (l.contains("unit_price_yuan") && l["unit_price_yuan"].is_number())
        line.unit_price = ToFen(l["unit_price_yuan"]);
      line.amount.value = ToFen(l["amount_yuan"]);
      line.raw = Str(l, "raw");
      line.amount.source.where = "text";
      line.amount_from_formula = line.amount.source.raw.find('=') != std::string::npos;
      project.budget_lines.push_back(line);
    }
    for (const json& i : p.value("indicators", json::array())) {
      Indicator ind;
      ind.level1 = Str(i, "level1");
      ind.level2 = Str(i, "level2");
      ind.level3 = Str(i, "level3");
      ind.target = Str(i, "target");
      project.indicators.push_back(ind);
    }
    d.projects.push_back(project);
  }
  return d;
}

}  // namespace decltab::eval
