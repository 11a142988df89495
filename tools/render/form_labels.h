// The printed labels of the 绩效目标填报表 form, per template. Templates differ
// only in wording and in an extra 备注 column; the grid shape is the same.
#ifndef DECLTAB_TOOLS_RENDER_FORM_LABELS_H_
#define DECLTAB_TOOLS_RENDER_FORM_LABELS_H_

#include <string>
#include <vector>

#include "core/result.h"

namespace decltab::render {

struct FormLabels {
  // Header grid.
  std::string project_name, category, department, implementer, start_date,
      end_date;
  // Funds block: the narrow left label, then the two label columns.
  std::string funds_block;
  std::string total, fiscal, other;  // left label column
  std::string annual_request, appropriation, carryover, other_annual;  // right
  // Goals block.
  std::string goals_block, overall_goal, annual_goal;
  // Indicator block: the narrow left label and the column headers. When
  // `indicator_header` has 5 entries the fifth is an always-empty 备注 column.
  std::string indicator_block;
  std::vector<std::string> indicator_header;
};

// The labels of template `name` ("songjiang" or "variant-b"; "" means
// "songjiang"). Fails with kInvalidInput on an unknown name.
Result<FormLabels> LabelsForTemplate(const std::string& name);

}  // namespace decltab::render

#endif  // DECLTAB_TOOLS_RENDER_FORM_LABELS_H_
