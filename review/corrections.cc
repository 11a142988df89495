#include "review/corrections.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "normalize/amount.h"
#include "normalize/date.h"
#include "normalize/target.h"
#include "normalize/text.h"

namespace decltab::review {
namespace {

using nlohmann::json;

// A figure a person has read: sure, whatever OCR said.
constexpr float kCorrectedConfidence = 1.0f;

Status Invalid(size_t index, const Correction& c, const std::string& why) {
  return Status::InvalidInput("correction " + std::to_string(index + 1) + " (project " +
                              std::to_string(c.project) + ", " + c.field + "): " + why);
}

// Parses `text` as a correction of an amount, keeping the figure's place.
Status CorrectAmount(const std::string& text, StatedAmount* amount, std::string* read) {
  Result<StatedAmount> parsed = normalize::ParseAmount(normalize::FoldText(text));
  if (!parsed.ok()) return parsed.status();
  *read = amount->value.ToYuanString();
  amount->value = parsed->value;
  amount->precision = parsed->precision;
  amount->source.raw = text;
  amount->source.confidence = kCorrectedConfidence;
  return Status::Ok();
}

Status CorrectText(const std::string& text, std::optional<std::string>* slot,
                   std::string* read) {
  *read = slot->value_or("");
  *slot = text;
  return Status::Ok();
}

// "budget_lines[3].amount" -> ("budget_lines", 3, "amount").
bool SplitIndexed(const std::string& field, std::string* list, size_t* index,
                  std::string* member) {
  static const std::regex kIndexed("^([a-z_]+)\\[(\\d+)\\](?:\\.([a-z_]+))?$");
  std::smatch m;
  if (!std::regex_match(field, m, kIndexed)) return false;
  *list = m[1].str();
  *index = std::stoul(m[2].str());
  *member = m[3].str();
  return *index >= 1;
}

Status ApplyToDocument(Correction* c, Declaration* d) {
  if (c->field == "stated_total") {
    if (!d->stated_total) d->stated_total = StatedAmount{};
    return CorrectAmount(c->corrected, &*d->stated_total, &c->read);
  }
  if (c->field == "stated_project_count") {
    std::optional<Decimal> n = Decimal::Parse(normalize::FoldText(c->corrected));
    if (!n || n->scale != 0 || n->mantissa < 0)
      return Status::InvalidInput("not a count: \"" + c->corrected + "\"");
    c->read = d->stated_project_count ? std::to_string(*d->stated_project_count) : "";
    d->stated_project_count = static_cast<int>(n->mantissa);
    return Status::Ok();
  }
  if (c->field == "title") return CorrectText(c->corrected, &d->title, &c->read);
  return Status::InvalidInput("unknown document field");
}

Status ApplyToProject(Correction* c, Project* p) {
  const std::pair<const char*, std::optional<StatedAmount>*> kFunds[] = {
      {"funds.total", &p->funds.total},
      {"funds.annual_request", &p->funds.annual_request},
      {"funds.appropriation", &p->funds.appropriation},
      {"funds.fiscal", &p->funds.fiscal},
      {"funds.carryover", &p->funds.carryover},
      {"funds.other", &p->funds.other}};
  for (const auto& [name, slot] : kFunds)
    if (c->field == name) {
      if (!*slot) *slot = StatedAmount{};  // a field OCR missed, typed in
      return CorrectAmount(c->corrected, &**slot, &c->read);
    }
  const std::pair<const char*, std::optional<std::string>*> kText[] = {
      {"category", &p->category},     {"department", &p->department},
      {"implementer", &p->implementer}, {"overall_goal", &p->overall_goal},
      {"annual_goal", &p->annual_goal}};
  for (const auto& [name, slot] : kText)
    if (c->field == name) return CorrectText(c->corrected, slot, &c->read);
  if (c->field == "name") {
    c->read = p->name;
    p->name = c->corrected;
    return Status::Ok();
  }
  if (c->field == "start_date" || c->field == "end_date") {
    std::optional<std::string> date = normalize::ParseDate(c->corrected);
    if (!date) return Status::InvalidInput("not a date: \"" + c->corrected + "\"");
    auto* slot = c->field == "start_date" ? &p->start_date : &p->end_date;
    c->read = slot->value_or("");
    *slot = *date;
    return Status::Ok();
  }
  std::string list, member;
  size_t index = 0;
  if (!SplitIndexed(c->field, &list, &index, &member))
    return Status::InvalidInput("unknown field");
  if (list == "stated_budget_totals" && member.empty()) {
    if (index > p->stated_budget_totals.size()) return Status::InvalidInput("no such total");
    return CorrectAmount(c->corrected, &p->stated_budget_totals[index - 1], &c->read);
  }
  if (list == "budget_lines") {
    if (index > p->budget_lines.size()) return Status::InvalidInput("no such budget line");
    BudgetLine& line = p->budget_lines[index - 1];
    if (member == "amount") return CorrectAmount(c->corrected, &line.amount, &c->read);
    if (member == "item") {
      c->read = line.item;
      line.item = c->corrected;
      return Status::Ok();
    }
    if (member == "quantity") {
      std::optional<Decimal> q = Decimal::Parse(normalize::FoldText(c->corrected));
      if (!q) return Status::InvalidInput("not a quantity: \"" + c->corrected + "\"");
      c->read = line.quantity ? line.quantity->ToString() : "";
      line.quantity = *q;
      return Status::Ok();
    }
    if (member == "unit_price") {
      StatedAmount price;
      price.value = line.unit_price.value_or(Fen());
      Status s = CorrectAmount(c->corrected, &price, &c->read);
      if (!line.unit_price) c->read.clear();
      if (s.ok()) line.unit_price = price.value;
      return s;
    }
  }
  if (list == "indicators" && member == "target") {
    if (index > p->indicators.size()) return Status::InvalidInput("no such indicator");
    Indicator& ind = p->indicators[index - 1];
    c->read = ind.target;
    ind.target = normalize::NormalizeTarget(c->corrected);
    ind.target_parsed = normalize::ParseTarget(ind.target);
    ind.source.confidence = kCorrectedConfidence;
    return Status::Ok();
  }
  return Status::InvalidInput("unknown field");
}

std::string StringOf(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

// RFC 4180 records of `text` (quoted fields may hold commas, quotes and
// newlines); a UTF-8 BOM is skipped.
std::vector<std::vector<std::string>> CsvRecords(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch == '"') {
      quoted = any = true;
    } else if (ch == ',') {
      record.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
      }
      record.clear();
      field.clear();
      any = false;
    } else {
      field += ch;
      any = true;
    }
  }
  if (any || !field.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

Result<CorrectionsFile> ParseCorrectionsJson(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidInput("not a JSON object");
  auto list = j.find("corrections");
  if (list == j.end() || !list->is_array())
    return Status::InvalidInput("no \"corrections\" array");
  CorrectionsFile file;
  file.sha256 = StringOf(j, "sha256");
  for (size_t i = 0; i < list->size(); ++i) {
    const json& e = (*list)[i];
    if (!e.is_object())
      return Status::InvalidInput("corrections[" + std::to_string(i) + "]: not an object");
    Correction c;
    auto project = e.find("project");
    if (project == e.end() || !project->is_number_integer())
      return Status::InvalidInput("corrections[" + std::to_string(i) +
                                  "]: \"project\" is not a number");
    c.project = project->get<int>();
    c.project_name = StringOf(e, "project_name");
    c.field = StringOf(e, "field");
    c.corrected = StringOf(e, "corrected");
    c.who = StringOf(e, "who");
    c.when = StringOf(e, "when");
    c.note = StringOf(e, "note");
    file.corrections.push_back(std::move(c));
  }
  return file;
}

Result<CorrectionsFile> ParseCorrectionsCsv(std::string_view text) {
  std::vector<std::vector<std::string>> records = CsvRecords(text);
  if (records.empty()) return Status::InvalidInput("empty CSV");
  const std::vector<std::string>& header = records.front();
  auto column = [&](const char* name) -> int {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  };
  const int project = column("project"), field = column("field"),
            corrected = column("corrected");
  if (project < 0 || field < 0 || corrected < 0)
    return Status::InvalidInput("CSV header lacks project, field or corrected");
  CorrectionsFile file;
  for (size_t r = 1; r < records.size(); ++r) {
    const std::vector<std::string>& row = records[r];
    auto cell = [&](int col) { return col >= 0 && col < static_cast<int>(row.size()) ? row[col] : ""; };
    Correction c;
    std::optional<Decimal> n = Decimal::Parse(cell(project));
    if (!n || n->scale != 0)
      return Status::InvalidInput("CSV record " + std::to_string(r + 1) +
                                  ": project is not a number");
    c.project = static_cast<int>(n->mantissa);
    c.project_name = cell(column("project_name"));
    c.field = cell(field);
    c.corrected = cell(corrected);
    c.who = cell(column("who"));
    c.when = cell(column("when"));
    c.note = cell(column("note"));
    std::string sha = cell(column("sha256"));
    if (!sha.empty()) {
      if (!file.sha256.empty() && file.sha256 != sha)
        return Status::InvalidInput("CSV record " + std::to_string(r + 1) +
                                    ": another document's sha256");
      file.sha256 = sha;
    }
    file.corrections.push_back(std::move(c));
  }
  return file;
}

Result<CorrectionsFile> ReadCorrections(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput(path + ": cannot open");
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string text = bytes.str();
  size_t first = text.find_first_not_of(" \t\r\n");
  Result<CorrectionsFile> file = first != std::string::npos && text[first] == '{'
                                     ? ParseCorrectionsJson(text)
                                     : ParseCorrectionsCsv(text);
  if (!file.ok()) return file.status().WithContext(path);
  return file;
}

Status ApplyCorrections(const CorrectionsFile& file, Declaration* declaration) {
  if (!file.sha256.empty() && !declaration->sha256.empty() &&
      file.sha256 != declaration->sha256)
    return Status::InvalidInput("the corrections are for another document (sha256 " +
                                file.sha256.substr(0, 12) + "…, this one " +
                                declaration->sha256.substr(0, 12) + "…)");
  Declaration work = *declaration;
  for (size_t i = 0; i < file.corrections.size(); ++i) {
    Correction c = file.corrections[i];
    if (c.corrected.empty()) return Invalid(i, c, "no corrected value");
    Status applied;
    if (c.project == 0) {
      applied = ApplyToDocument(&c, &work);
    } else if (c.project < 0 || c.project > static_cast<int>(work.projects.size())) {
      return Invalid(i, c, "no such project (the document has " +
                               std::to_string(work.projects.size()) + ")");
    } else {
      Project& p = work.projects[c.project - 1];
      if (!c.project_name.empty() && c.project_name != p.name)
        return Invalid(i, c, "project " + std::to_string(c.project) + " is \"" + p.name +
                                 "\", not \"" + c.project_name + "\"");
      if (c.project_name.empty()) c.project_name = p.name;
      applied = ApplyToProject(&c, &p);
    }
    if (!applied.ok()) return Invalid(i, c, applied.message());
    work.corrections.push_back(std::move(c));
  }
  *declaration = std::move(work);
  return Status::Ok();
}

void Rereconcile(Declaration* declaration, const reconcile::ReconcileOptions& options) {
  declaration->checks.clear();
  for (Project& p : declaration->projects) p.checks.clear();
  reconcile::Reconcile(declaration, options);
}

}  // namespace decltab::review
