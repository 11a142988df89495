// Renders a ground-truth declaration (testdata/truth/SCHEMA.md) to a
// born-digital PDF laid out like a real 财政支出项目绩效目标申报表, and reports
// on which page every project, budget line and indicator landed so the truth
// can be completed with page numbers.
#ifndef DECLTAB_TOOLS_RENDER_DECLARATION_RENDERER_H_
#define DECLTAB_TOOLS_RENDER_DECLARATION_RENDERER_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"
#include "tools/render/declaration_spec.h"
#include "tools/render/page_writer.h"

namespace decltab::render {

struct RenderOptions {
  uint64_t seed = 0;  // picks fonts, sizes, margins, rules and column jitter
};

// Pages are 1-based; 0 means "not drawn" (e.g. more budget lines in the
// truth than rows and prose can account for).
struct ProjectPlacement {
  int first_page = 0;                  // the project heading
  int last_page = 0;                   // the last form row
  std::vector<int> budget_line_pages;  // parallel to budget_lines
  std::vector<int> indicator_pages;    // parallel to indicators
};

struct RenderReport {
  int page_count = 0;
  double page_width = 0, page_height = 0;  // points
  std::vector<ProjectPlacement> projects;
  std::vector<DrawnCell> cells;  // every table cell drawn, in drawing order
};

// Writes the PDF to `pdf_path` (through a temporary file renamed on
// success; nothing is left behind on failure). Fails with kInvalidInput on
// an unknown render.template, kInternal when the file cannot be written.
Result<RenderReport> RenderDeclarationPdf(const DeclarationSpec& spec,
                                          const RenderOptions& options,
                                          const std::string& pdf_path);

// A budget block as drawn, for matching budget lines to pages: a table row
// that holds a line, or a prose paragraph (which holds the lines whose
// `raw` text it contains).
struct BudgetSlot {
  bool prose = false;
  std::string text;  // prose only
  int page = 0;
};

// Page of each budget line: table slots take lines one by one in order; a
// prose slot takes the following lines whose raw text it contains, and the
// last prose slot also takes any lines the remaining table rows cannot.
std::vector<int> AssignBudgetLinePages(
    const std::vector<std::string>& line_raws,
    const std::vector<BudgetSlot>& slots);

// `truth` with source.pages, projects[i].pages ([first..last]),
// budget_lines[j].page and indicators[k].page filled from `report`; every
// other member is kept as it was, in the same order.
nlohmann::ordered_json FillTruthPages(const nlohmann::ordered_json& truth,
                                      const RenderReport& report);

}  // namespace decltab::render

#endif  // DECLTAB_TOOLS_RENDER_DECLARATION_RENDERER_H_
