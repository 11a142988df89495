#include "export/csv_writer.h"

#include <cstdio>
#include <initializer_list>

#include "export/atomic_file.h"
#include "reconcile/reconcile.h"

namespace decltab::exporter {
namespace {

class CsvTable {
 public:
  CsvTable(std::string name, std::initializer_list<const char*> header,
           const CsvOptions& options)
      : name_(std::move(name)) {
    if (options.excel_bom) text_ = "\xEF\xBB\xBF";
    std::vector<std::string> cells(header.begin(), header.end());
    AddRow(cells);
  }
  void AddRow(const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) text_ += ',';
      text_ += CsvField(cells[i]);
    }
    text_ += "\r\n";
  }
  CsvFile Take() { return CsvFile{name_, std::move(text_)}; }

 private:
  std::string name_, text_;
};

std::string Opt(const std::optional<std::string>& s) { return s ? *s : ""; }
std::string Yuan(const std::optional<Fen>& f) { return f ? f->ToYuanString() : ""; }
std::string Yuan(const std::optional<StatedAmount>& a) {
  return a ? a->value.ToYuanString() : "";
}
std::string Page(int page) { return page > 0 ? std::to_string(page) : ""; }

std::string Confidence(float c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", c);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

std::string Pages(const std::vector<int>& pages) {
  std::vector<std::string> items;
  for (int p : pages) items.push_back(std::to_string(p));
  return Join(items, ";");
}

void AddCheckRow(const Check& c, const char* default_scope, const std::string& index,
                 const std::string& name, CsvTable* table) {
  std::optional<reconcile::RuleScope> scope = reconcile::ScopeOfRule(c.rule);
  auto figure = [&c](const std::optional<Fen>& f) {
    if (!f) return std::string();
    return c.is_count ? std::to_string(f->count()) : f->ToYuanString();
  };
  table->AddRow({scope ? reconcile::ToString(*scope) : default_scope, index, name,
                 c.rule, ToString(c.status), figure(c.expected),
                 figure(c.computed), figure(c.delta), c.is_count ? "1" : "0",
                 c.detail});
}

}  // namespace

bool IsPlainNumber(std::string_view value) {
  size_t i = value.empty() || (value[0] != '-' && value[0] != '+') ? 0 : 1;
  bool digits = false, point = false;
  for (; i < value.size(); ++i) {
    const char ch = value[i];
    if (ch >= '0' && ch <= '9') {
      digits = true;
    } else if (ch == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

std::string NeutralizeFormula(std::string_view value) {
  if (value.empty() || std::string_view("=+-@\t\r").find(value[0]) == std::string_view::npos ||
      IsPlainNumber(value))
    return std::string(value);
  return "'" + std::string(value);
}

std::string CsvField(std::string_view raw) {
  const std::string neutral = NeutralizeFormula(raw);
  std::string_view value = neutral;
  if (value.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(value);
  std::string out = "\"";
  for (char ch : value) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

std::vector<CsvFile> ToCsvFiles(const Declaration& d, const CsvOptions& options) {
  CsvTable projects(
      "projects.csv",
      {"project_index", "name", "heading_name", "pages", "category", "department",
       "implementer", "start_date", "end_date", "total_yuan", "annual_request_yuan",
       "appropriation_yuan", "fiscal_yuan", "carryover_yuan", "other_yuan",
       "budget_line_count", "indicator_count", "overall_goal", "annual_goal",
       "warnings"},
      options);
  CsvTable lines("budget_lines.csv",
                 {"project_index", "project_name", "line_index", "group", "item",
                  "quantity", "unit", "unit_price_yuan", "amount_yuan",
                  "amount_from_formula", "raw", "page", "cell", "confidence"},
                 options);
  CsvTable indicators(
      "indicators.csv",
      {"project_index", "project_name", "indicator_index", "level1", "level2",
       "level3", "target", "target_op", "target_value", "target_unit", "page",
       "cell", "confidence"},
      options);
  CsvTable checks("checks.csv",
                  {"scope", "project_index", "project_name", "rule", "status",
                   "expected", "computed", "delta", "is_count", "detail"},
                  options);

  for (size_t i = 0; i < d.projects.size(); ++i) {
    const Project& p = d.projects[i];
    std::string index = std::to_string(i + 1);
    projects.AddRow({index, p.name, p.heading_name, Pages(p.pages), Opt(p.category),
                     Opt(p.department), Opt(p.implementer), Opt(p.start_date),
                     Opt(p.end_date), Yuan(p.funds.total), Yuan(p.funds.annual_request),
                     Yuan(p.funds.appropriation), Yuan(p.funds.fiscal),
                     Yuan(p.funds.carryover), Yuan(p.funds.other),
                     std::to_string(p.budget_lines.size()),
                     std::to_string(p.indicators.size()), Opt(p.overall_goal),
                     Opt(p.annual_goal), Join(p.warnings, "; ")});
    for (size_t k = 0; k < p.budget_lines.size(); ++k) {
      const BudgetLine& l = p.budget_lines[k];
      lines.AddRow({index, p.name, std::to_string(k + 1), Opt(l.group), l.item,
                    l.quantity ? l.quantity->ToString() : "", Opt(l.unit),
                    Yuan(l.unit_price), l.amount.value.ToYuanString(),
                    l.amount_from_formula ? "1" : "0", l.raw,
                    Page(l.amount.source.page), l.amount.source.where,
                    Confidence(l.confidence)});
    }
    for (size_t k = 0; k < p.indicators.size(); ++k) {
      const Indicator& ind = p.indicators[k];
      const std::optional<TargetParsed>& t = ind.target_parsed;
      indicators.AddRow({index, p.name, std::to_string(k + 1), ind.level1,
                         ind.level2, ind.level3, ind.target, t ? t->op : "",
                         t ? t->value.ToString() : "", t ? t->unit : "",
                         Page(ind.source.page), ind.source.where,
                         Confidence(ind.source.confidence)});
    }
    for (const Check& c : p.checks) AddCheckRow(c, "project", index, p.name, &checks);
  }
  for (const Check& c : d.checks) AddCheckRow(c, "document", "", "", &checks);

  std::vector<CsvFile> files;
  files.push_back(projects.Take());
  files.push_back(lines.Take());
  files.push_back(indicators.Take());
  files.push_back(checks.Take());
  return files;
}

Status WriteCsvs(const Declaration& declaration, const std::string& dir,
                 const CsvOptions& options) {
  Result<StagedDirectory> staged = StagedDirectory::Create(dir);
  if (!staged.ok()) return staged.status();
  for (const CsvFile& file : ToCsvFiles(declaration, options)) {
    Status written = staged->WriteFile(file.name, file.content);
    if (!written.ok()) return written;
  }
  return staged->Commit();
}

}  // namespace decltab::exporter
