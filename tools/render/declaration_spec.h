// What the renderer reads from a ground-truth declaration file
// (testdata/truth/SCHEMA.md): the layout extras plus the contract fields
// that are printed (names, funds texts, goals, indicators). Plain values, no
// JSON inside, so the drawing code never touches the file format.
#ifndef DECLTAB_TOOLS_RENDER_DECLARATION_SPEC_H_
#define DECLTAB_TOOLS_RENDER_DECLARATION_SPEC_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"

namespace decltab::render {

struct TableMerge {
  int row = 0, col = 0, rowspan = 1, colspan = 1;
};

// A budget table as the truth gives it: a full rows x cols text grid (cells
// covered by a merge hold ""), rows drawn as headers, merges, and optional
// relative column widths.
struct BudgetTableSpec {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> header_rows;
  std::vector<TableMerge> merges;
  std::vector<double> col_weights;  // empty: equal widths

  int col_count() const;
  bool IsHeaderRow(int row) const;
};

struct BudgetBlock {
  enum class Type { kProse, kTable };
  Type type = Type::kProse;
  std::string text;       // kProse
  BudgetTableSpec table;  // kTable
};

struct SectionSpec {
  std::string heading;
  std::vector<std::string> paragraphs;
};

struct IndicatorSpec {
  std::string level1, level2, level3, target;
};

// The funds as printed in the form (texts, not numbers: "37800000.00").
struct FundsText {
  std::string total, annual_request, appropriation, fiscal, carryover, other,
      other_annual;
};

struct ProjectSpec {
  std::string heading;  // 项目经费情况说明--NAME
  std::string name, category, department, implementer, start_date, end_date;
  std::string overall_goal, annual_goal;
  std::vector<SectionSpec> sections;
  std::string budget_heading;
  std::vector<BudgetBlock> budget_blocks;
  std::string goals_heading;
  FundsText funds_text;
  std::string goal_period;  // "(2023年-2023年)"
  std::vector<IndicatorSpec> indicators;
  std::vector<std::string> budget_line_raws;  // budget_lines[i].raw, in order
};

struct DeclarationSpec {
  std::vector<std::string> title_lines;
  std::string preamble_heading;
  std::vector<std::string> preamble;
  std::string form_title, form_year_line;
  std::string template_name;
  std::vector<ProjectSpec> projects;
};

// Reads the fields above. Missing or null texts read as ""; a field of the
// wrong JSON type, or a table whose merge leaves the grid, is kInvalidInput
// with a message naming the field ("projects[2].budget_blocks[1]: ...").
Result<DeclarationSpec> ParseDeclarationSpec(
    const nlohmann::ordered_json& truth);

}  // namespace decltab::render

#endif  // DECLTAB_TOOLS_RENDER_DECLARATION_SPEC_H_
