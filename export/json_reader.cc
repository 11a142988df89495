#include "export/json_reader.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace decltab::exporter {
namespace {

using nlohmann::ordered_json;

// Thrown inside this file only, caught by FromContractJson.
struct FieldError {
  std::string message;
};

const ordered_json* Member(const ordered_json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

std::string String(const ordered_json& j, const char* key, const std::string& at) {
  const ordered_json* v = Member(j, key);
  if (v == nullptr) return "";
  if (!v->is_string()) throw FieldError{at + "." + key + ": not a string"};
  return v->get<std::string>();
}

std::optional<std::string> OptString(const ordered_json& j, const char* key,
                                     const std::string& at) {
  if (Member(j, key) == nullptr) return std::nullopt;
  return String(j, key, at);
}

double Number(const ordered_json& j, const char* key, const std::string& at,
              double fallback = 0) {
  const ordered_json* v = Member(j, key);
  if (v == nullptr) return fallback;
  if (!v->is_number()) throw FieldError{at + "." + key + ": not a number"};
  return v->get<double>();
}

std::optional<Fen> OptYuan(const ordered_json& j, const char* key, const std::string& at) {
  if (Member(j, key) == nullptr) return std::nullopt;
  return Fen(std::llround(Number(j, key, at) * 100.0));
}

// The shortest decimal text of a JSON number, read back exactly.
std::optional<Decimal> OptDecimal(const ordered_json& j, const char* key,
                                  const std::string& at) {
  const ordered_json* v = Member(j, key);
  if (v == nullptr) return std::nullopt;
  if (v->is_number_integer()) return Decimal{v->get<int64_t>(), 0};
  char text[64];
  std::snprintf(text, sizeof text, "%.9g", Number(j, key, at));
  std::optional<Decimal> d = Decimal::Parse(text);
  if (!d) throw FieldError{at + "." + key + ": not a decimal"};
  return d;
}

Source ReadSource(const ordered_json& j, const std::string& at) {
  Source s;
  s.page = static_cast<int>(Number(j, "page", at));
  s.where = String(j, "cell", at);
  s.raw = String(j, "raw", at);
  s.confidence = static_cast<float>(Number(j, "confidence", at, 1.0));
  s.table = static_cast<int>(Number(j, "table", at));
  s.row = static_cast<int>(Number(j, "row", at));
  s.col = static_cast<int>(Number(j, "col", at));
  s.dpi = static_cast<int>(Number(j, "dpi", at));
  if (const ordered_json* box = Member(j, "box")) {
    if (!box->is_array() || box->size() != 4)
      throw FieldError{at + ".box: not [x, y, width, height]"};
    s.box = Rect{(*box)[0].get<int>(), (*box)[1].get<int>(), (*box)[2].get<int>(),
                 (*box)[3].get<int>()};
  }
  return s;
}

// {"yuan", "precision_yuan", "source"} as the writer's StatedJson.
std::optional<StatedAmount> ReadStated(const ordered_json* j, const std::string& at) {
  if (j == nullptr) return std::nullopt;
  StatedAmount a;
  a.value = OptYuan(*j, "yuan", at).value_or(Fen());
  a.precision = OptYuan(*j, "precision_yuan", at).value_or(Fen(1));
  if (const ordered_json* s = Member(*j, "source")) a.source = ReadSource(*s, at + ".source");
  return a;
}

// A figure from an older output without `*_read`: amount only.
std::optional<StatedAmount> PlainStated(const ordered_json& j, const char* key,
                                        const std::string& at) {
  std::optional<Fen> v = OptYuan(j, key, at);
  if (!v) return std::nullopt;
  StatedAmount a;
  a.value = *v;
  return a;
}

CheckStatus ReadStatus(const std::string& s, const std::string& at) {
  if (s == "ok") return CheckStatus::kOk;
  if (s == "mismatch") return CheckStatus::kMismatch;
  if (s == "unverifiable") return CheckStatus::kUnverifiable;
  throw FieldError{at + ".status: unknown status \"" + s + "\""};
}

std::vector<std::string> Strings(const ordered_json& j, const char* key,
                                 const std::string& at) {
  std::vector<std::string> out;
  const ordered_json* v = Member(j, key);
  if (v == nullptr) return out;
  if (!v->is_array()) throw FieldError{at + "." + key + ": not an array"};
  for (const ordered_json& e : *v) {
    if (!e.is_string()) throw FieldError{at + "." + key + ": not a string"};
    out.push_back(e.get<std::string>());
  }
  return out;
}

const ordered_json& Array(const ordered_json& j, const char* key, const std::string& at) {
  static const ordered_json kEmpty = ordered_json::array();
  const ordered_json* v = Member(j, key);
  if (v == nullptr) return kEmpty;
  if (!v->is_array()) throw FieldError{at + "." + key + ": not an array"};
  return *v;
}

Check ReadCheck(const ordered_json& j, const std::string& at) {
  Check c;
  c.rule = String(j, "rule", at);
  c.status = ReadStatus(String(j, "status", at), at);
  c.is_count = c.rule == "project_count_equals_stated";
  auto figure = [&](const char* key) -> std::optional<Fen> {
    if (Member(j, key) == nullptr) return std::nullopt;
    if (c.is_count) return Fen(std::llround(Number(j, key, at)));
    return OptYuan(j, key, at);
  };
  c.expected = figure("expected");
  c.computed = figure("computed");
  c.delta = figure("delta");
  c.detail = String(j, "detail", at);
  return c;
}

BudgetLine ReadLine(const ordered_json& j, const std::string& at) {
  BudgetLine l;
  l.group = OptString(j, "group", at);
  l.item = String(j, "item", at);
  l.quantity = OptDecimal(j, "quantity", at);
  l.unit = OptString(j, "unit", at);
  l.unit_price = OptYuan(j, "unit_price_yuan", at);
  l.raw = String(j, "raw", at);
  l.confidence = static_cast<float>(Number(j, "confidence", at, 1.0));
  l.amount_from_formula = Member(j, "amount_from_formula") != nullptr &&
                          j["amount_from_formula"].get<bool>();
  if (std::optional<StatedAmount> read =
          ReadStated(Member(j, "amount_read"), at + ".amount_read")) {
    l.amount = *read;
  } else {
    l.amount.value = OptYuan(j, "amount_yuan", at).value_or(Fen());
    l.amount.source.page = static_cast<int>(Number(j, "page", at));
    l.amount.source.where = String(j, "cell", at);
    l.amount.source.confidence = l.confidence;
  }
  return l;
}

Indicator ReadIndicator(const ordered_json& j, const std::string& at) {
  Indicator ind;
  ind.level1 = String(j, "level1", at);
  ind.level2 = String(j, "level2", at);
  ind.level3 = String(j, "level3", at);
  ind.target = String(j, "target", at);
  if (const ordered_json* t = Member(j, "target_parsed")) {
    TargetParsed parsed;
    parsed.op = String(*t, "op", at + ".target_parsed");
    parsed.value = OptDecimal(*t, "value", at + ".target_parsed").value_or(Decimal{});
    parsed.unit = String(*t, "unit", at + ".target_parsed");
    ind.target_parsed = parsed;
  }
  if (const ordered_json* s = Member(j, "source")) {
    ind.source = ReadSource(*s, at + ".source");
  } else {
    ind.source.page = static_cast<int>(Number(j, "page", at));
    ind.source.where = String(j, "cell", at);
    ind.source.confidence = static_cast<float>(Number(j, "confidence", at, 1.0));
  }
  return ind;
}

Project ReadProject(const ordered_json& j, const std::string& at) {
  Project p;
  p.name = String(j, "name", at);
  for (const ordered_json& page : Array(j, "pages", at)) p.pages.push_back(page.get<int>());
  p.category = OptString(j, "category", at);
  p.department = OptString(j, "department", at);
  p.implementer = OptString(j, "implementer", at);
  p.start_date = OptString(j, "start_date", at);
  p.end_date = OptString(j, "end_date", at);
  static const ordered_json kNone = ordered_json::object();
  const ordered_json* funds = Member(j, "funds");
  const ordered_json* read = Member(j, "funds_read");
  const std::pair<const char*, std::optional<StatedAmount>*> kFunds[] = {
      {"total", &p.funds.total},
      {"annual_request", &p.funds.annual_request},
      {"appropriation", &p.funds.appropriation},
      {"fiscal", &p.funds.fiscal},
      {"carryover", &p.funds.carryover},
      {"other", &p.funds.other}};
  for (const auto& [key, slot] : kFunds) {
    *slot = read != nullptr
                ? ReadStated(Member(*read, key), at + ".funds_read." + key)
                : PlainStated(funds ? *funds : kNone, key, at + ".funds");
  }
  p.overall_goal = OptString(j, "overall_goal", at);
  p.annual_goal = OptString(j, "annual_goal", at);
  const ordered_json& lines = Array(j, "budget_lines", at);
  for (size_t i = 0; i < lines.size(); ++i)
    p.budget_lines.push_back(
        ReadLine(lines[i], at + ".budget_lines[" + std::to_string(i) + "]"));
  const ordered_json& inds = Array(j, "indicators", at);
  for (size_t i = 0; i < inds.size(); ++i)
    p.indicators.push_back(
        ReadIndicator(inds[i], at + ".indicators[" + std::to_string(i) + "]"));
  const ordered_json& checks = Array(j, "checks", at);
  for (size_t i = 0; i < checks.size(); ++i)
    p.checks.push_back(ReadCheck(checks[i], at + ".checks[" + std::to_string(i) + "]"));
  p.heading_name = String(j, "heading_name", at);
  p.warnings = Strings(j, "warnings", at);
  const ordered_json& totals = Array(j, "stated_budget_totals", at);
  for (size_t i = 0; i < totals.size(); ++i)
    if (std::optional<StatedAmount> t = ReadStated(
            &totals[i], at + ".stated_budget_totals[" + std::to_string(i) + "]"))
      p.stated_budget_totals.push_back(*t);
  p.unread_budget_rows = Strings(j, "unread_budget_rows", at);
  return p;
}

Correction ReadCorrection(const ordered_json& j, const std::string& at) {
  Correction c;
  c.project = static_cast<int>(Number(j, "project", at));
  c.project_name = String(j, "project_name", at);
  c.field = String(j, "field", at);
  c.read = String(j, "read", at);
  c.corrected = String(j, "corrected", at);
  c.who = String(j, "who", at);
  c.when = String(j, "when", at);
  c.note = String(j, "note", at);
  return c;
}

Declaration Read(const ordered_json& j) {
  if (!j.is_object() || String(j, "schema", "") != "decltab/1")
    throw FieldError{"schema: not a decltab/1 document"};
  Declaration d;
  static const ordered_json kNone = ordered_json::object();
  const ordered_json* source = Member(j, "source");
  const ordered_json& src = source ? *source : kNone;
  d.file = String(src, "file", "source");
  d.sha256 = String(src, "sha256", "source");
  d.page_count = static_cast<int>(Number(src, "pages", "source"));
  std::string kind = String(src, "kind", "source");
  d.kind = kind == "digital" ? SourceKind::kDigital
           : kind == "mixed" ? SourceKind::kMixed
                             : SourceKind::kScanned;
  d.dpi = static_cast<int>(Number(src, "dpi", "source"));
  for (const ordered_json& skew : Array(src, "page_skew_degrees", "source"))
    d.page_skew_degrees.push_back(skew.get<double>());
  const ordered_json* document = Member(j, "document");
  const ordered_json& doc = document ? *document : kNone;
  d.title = OptString(doc, "title", "document");
  if (Member(doc, "stated_project_count"))
    d.stated_project_count =
        static_cast<int>(Number(doc, "stated_project_count", "document"));
  d.stated_total = Member(doc, "stated_total")
                       ? ReadStated(Member(doc, "stated_total"), "document.stated_total")
                       : PlainStated(doc, "stated_total_yuan", "document");
  d.warnings = Strings(doc, "warnings", "document");
  const ordered_json& projects = Array(j, "projects", "");
  for (size_t i = 0; i < projects.size(); ++i)
    d.projects.push_back(ReadProject(projects[i], "projects[" + std::to_string(i) + "]"));
  const ordered_json& checks = Array(j, "checks", "");
  for (size_t i = 0; i < checks.size(); ++i)
    d.checks.push_back(ReadCheck(checks[i], "checks[" + std::to_string(i) + "]"));
  const ordered_json& corrections = Array(j, "corrections", "");
  for (size_t i = 0; i < corrections.size(); ++i)
    d.corrections.push_back(
        ReadCorrection(corrections[i], "corrections[" + std::to_string(i) + "]"));
  return d;
}

}  // namespace

Result<Declaration> FromContractJson(const ordered_json& document) {
  try {
    return Read(document);
  } catch (const FieldError& e) {
    return Status::InvalidInput(e.message);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(std::string("unexpected JSON: ") + e.what());
  }
}

Result<Declaration> ReadContractJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput(path + ": cannot open");
  ordered_json j = ordered_json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidInput(path + ": not JSON");
  Result<Declaration> d = FromContractJson(j);
  if (!d.ok()) return Status::InvalidInput(path + ": " + d.status().message());
  return d;
}

}  // namespace decltab::exporter
