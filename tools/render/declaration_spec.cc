#include "tools/render/declaration_spec.h"

#include <algorithm>

namespace decltab::render {
namespace {

using Json = nlohmann::ordered_json;

// Reading helpers: each returns false and sets *error on a type mismatch.
// A missing key or null is not an error: the renderer draws an empty cell.
bool ReadString(const Json& obj, const char* key, const std::string& where,
                std::string* out, std::string* error) {
  out->clear();
  if (!obj.is_object()) return true;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return true;
  if (it->is_string()) {
    *out = it->get<std::string>();
    return true;
  }
  if (it->is_number()) {  // e.g. a funds text written as a number
    *out = it->dump();
    return true;
  }
  *error = where + "." + key + ": expected a string";
  return false;
}

bool ReadStringList(const Json& obj, const char* key, const std::string& where,
                    std::vector<std::string>* out, std::string* error) {
  out->clear();
  if (!obj.is_object()) return true;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return true;
  if (!it->is_array()) {
    *error = where + "." + key + ": expected an array of strings";
    return false;
  }
  for (const Json& item : *it) {
    if (item.is_null()) {
      out->emplace_back();
    } else if (item.is_string()) {
      out->push_back(item.get<std::string>());
    } else if (item.is_number()) {
      out->push_back(item.dump());
    } else {
      *error = where + "." + key + ": expected an array of strings";
      return false;
    }
  }
  return true;
}

const Json& Member(const Json& obj, const char* key) {
  static const Json kNull;
  if (!obj.is_object()) return kNull;
  auto it = obj.find(key);
  return it == obj.end() ? kNull : *it;
}

bool ReadTable(const Json& block, const std::string& where,
               BudgetTableSpec* table, std::string* error) {
  const Json& rows = Member(block, "rows");
  if (!rows.is_array()) {
    *error = where + ".rows: expected an array of rows";
    return false;
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> cells;
    Json wrapper = {{"cells", rows[r]}};
    if (!ReadStringList(wrapper, "cells",
                        where + ".rows[" + std::to_string(r) + "]", &cells,
                        error))
      return false;
    table->rows.push_back(std::move(cells));
  }
  // Ragged rows are padded so the grid is rectangular.
  const int cols = table->col_count();
  for (auto& row : table->rows) row.resize(cols);

  for (const Json& h : Member(block, "header_rows")) {
    if (!h.is_number_integer()) {
      *error = where + ".header_rows: expected integers";
      return false;
    }
    table->header_rows.push_back(h.get<int>());
  }
  const Json& merges = Member(block, "merges");
  for (size_t i = 0; i < merges.size(); ++i) {
    const Json& m = merges[i];
    TableMerge merge;
    try {
      merge.row = m.at("row").get<int>();
      merge.col = m.at("col").get<int>();
      merge.rowspan = m.value("rowspan", 1);
      merge.colspan = m.value("colspan", 1);
    } catch (const nlohmann::json::exception&) {
      *error = where + ".merges[" + std::to_string(i) +
               "]: expected row/col/rowspan/colspan";
      return false;
    }
    if (merge.row < 0 || merge.col < 0 || merge.rowspan < 1 ||
        merge.colspan < 1 ||
        merge.row + merge.rowspan > static_cast<int>(table->rows.size()) ||
        merge.col + merge.colspan > cols) {
      *error = where + ".merges[" + std::to_string(i) + "]: leaves the table";
      return false;
    }
    table->merges.push_back(merge);
  }
  for (const Json& w : Member(block, "col_weights")) {
    if (!w.is_number() || w.get<double>() <= 0) {
      *error = where + ".col_weights: expected positive numbers";
      return false;
    }
    table->col_weights.push_back(w.get<double>());
  }
  if (!table->col_weights.empty() &&
      static_cast<int>(table->col_weights.size()) != cols)
    table->col_weights
        .clear();  // a mismatch is a truth slip; equal widths still render
  return true;
}

bool ReadProject(const Json& p, const std::string& where, ProjectSpec* project,
                 std::string* error) {
  const struct {
    const char* key;
    std::string* out;
  } kStrings[] = {
      {"heading", &project->heading},
      {"name", &project->name},
      {"category", &project->category},
      {"department", &project->department},
      {"implementer", &project->implementer},
      {"start_date", &project->start_date},
      {"end_date", &project->end_date},
      {"overall_goal", &project->overall_goal},
      {"annual_goal", &project->annual_goal},
      {"budget_heading", &project->budget_heading},
      {"goals_heading", &project->goals_heading},
  };
  for (const auto& s : kStrings)
    if (!ReadString(p, s.key, where, s.out, error)) return false;

  const Json& sections = Member(p, "sections");
  for (size_t i = 0; i < sections.size(); ++i) {
    std::string w = where + ".sections[" + std::to_string(i) + "]";
    SectionSpec section;
    if (!ReadString(sections[i], "heading", w, &section.heading, error) ||
        !ReadStringList(sections[i], "paragraphs", w, &section.paragraphs,
                        error))
      return false;
    project->sections.push_back(std::move(section));
  }

  const Json& blocks = Member(p, "budget_blocks");
  for (size_t i = 0; i < blocks.size(); ++i) {
    std::string w = where + ".budget_blocks[" + std::to_string(i) + "]";
    std::string type;
    if (!ReadString(blocks[i], "type", w, &type, error)) return false;
    BudgetBlock block;
    if (type == "prose") {
      block.type = BudgetBlock::Type::kProse;
      if (!ReadString(blocks[i], "text", w, &block.text, error)) return false;
    } else if (type == "table") {
      block.type = BudgetBlock::Type::kTable;
      if (!ReadTable(blocks[i], w, &block.table, error)) return false;
    } else {
      *error =
          w + ".type: expected \"prose\" or \"table\", got \"" + type + "\"";
      return false;
    }
    project->budget_blocks.push_back(std::move(block));
  }

  const Json& form = Member(p, "form");
  const Json& funds = Member(form, "funds_text");
  const struct {
    const char* key;
    std::string* out;
  } kFunds[] = {
      {"total", &project->funds_text.total},
      {"annual_request", &project->funds_text.annual_request},
      {"appropriation", &project->funds_text.appropriation},
      {"fiscal", &project->funds_text.fiscal},
      {"carryover", &project->funds_text.carryover},
      {"other", &project->funds_text.other},
      {"other_annual", &project->funds_text.other_annual},
  };
  for (const auto& f : kFunds)
    if (!ReadString(funds, f.key, where + ".form.funds_text", f.out, error))
      return false;
  if (!ReadString(form, "goal_period", where + ".form", &project->goal_period,
                  error))
    return false;

  const Json& indicators = Member(p, "indicators");
  for (size_t i = 0; i < indicators.size(); ++i) {
    std::string w = where + ".indicators[" + std::to_string(i) + "]";
    IndicatorSpec ind;
    if (!ReadString(indicators[i], "level1", w, &ind.level1, error) ||
        !ReadString(indicators[i], "level2", w, &ind.level2, error) ||
        !ReadString(indicators[i], "level3", w, &ind.level3, error) ||
        !ReadString(indicators[i], "target", w, &ind.target, error))
      return false;
    project->indicators.push_back(std::move(ind));
  }

  const Json& lines = Member(p, "budget_lines");
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string raw;
    if (!ReadString(lines[i], "raw",
                    where + ".budget_lines[" + std::to_string(i) + "]", &raw,
                    error))
      return false;
    project->budget_line_raws.push_back(std::move(raw));
  }
  return true;
}

}  // namespace

int BudgetTableSpec::col_count() const {
  size_t cols = 0;
  for (const auto& row : rows) cols = std::max(cols, row.size());
  return static_cast<int>(cols);
}

bool BudgetTableSpec::IsHeaderRow(int row) const {
  return std::find(header_rows.begin(), header_rows.end(), row) !=
         header_rows.end();
}

Result<DeclarationSpec> ParseDeclarationSpec(const Json& truth) {
  if (!truth.is_object())
    return Status::InvalidInput("truth: expected a JSON object");
  DeclarationSpec spec;
  std::string error;
  const Json& render = Member(truth, "render");
  if (!ReadStringList(render, "title_lines", "render", &spec.title_lines,
                      &error) ||
      !ReadString(render, "preamble_heading", "render", &spec.preamble_heading,
                  &error) ||
      !ReadStringList(render, "preamble", "render", &spec.preamble, &error) ||
      !ReadString(render, "form_title", "render", &spec.form_title, &error) ||
      !ReadString(render, "form_year_line", "render", &spec.form_year_line,
                  &error) ||
      !ReadString(render, "template", "render", &spec.template_name, &error))
    return Status::InvalidInput(error);
  if (spec.title_lines.empty()) {
    std::string title;
    if (!ReadString(Member(truth, "document"), "title", "document", &title,
                    &error))
      return Status::InvalidInput(error);
    if (!title.empty()) spec.title_lines.push_back(title);
  }

  const Json& projects = Member(truth, "projects");
  if (!projects.is_array())
    return Status::InvalidInput("projects: expected an array");
  for (size_t i = 0; i < projects.size(); ++i) {
    ProjectSpec project;
    if (!ReadProject(projects[i], "projects[" + std::to_string(i) + "]",
                     &project, &error))
      return Status::InvalidInput(error);
    spec.projects.push_back(std::move(project));
  }
  return spec;
}

}  // namespace decltab::render
