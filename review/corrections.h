// Reviewers' corrections: a file naming the document (sha256), and per
// correction the project (1-based number, and its name as a guard), the
// field, the corrected value, who, when and a note. Applying them keeps the
// value as read in the Correction and the corrected value in the figure
// (now confidence 1: a person read it), then the six rules are run again.
//
// JSON (what the report page downloads):
//   {"schema": "decltab-corrections/1", "sha256": "<hex>",
//    "corrections": [{"project": 3, "project_name": "...", "field": "funds.total",
//                     "corrected": "1800000.00", "who": "...", "when": "...",
//                     "note": "..."}]}
// CSV (UTF-8, header row, RFC 4180 quoting), one correction a row:
//   sha256,project,project_name,field,corrected,who,when,note
//
// Fields: funds.total | funds.annual_request | funds.appropriation |
// funds.fiscal | funds.carryover | funds.other | stated_budget_totals[N] |
// budget_lines[N].amount | budget_lines[N].quantity |
// budget_lines[N].unit_price | budget_lines[N].item | indicators[N].target |
// name | category | department | implementer | start_date | end_date, and
// with project 0: stated_total | stated_project_count | title. N is 1-based.
// Amounts are 元 when bare ("1800000.00"), or carry their unit ("180万元").
#ifndef DECLTAB_REVIEW_CORRECTIONS_H_
#define DECLTAB_REVIEW_CORRECTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/declaration.h"
#include "core/result.h"
#include "reconcile/reconcile.h"

namespace decltab::review {

struct CorrectionsFile {
  std::string sha256;  // of the document; may be empty in CSV rows
  std::vector<Correction> corrections;
};

// kInvalidInput with the line or entry at fault.
Result<CorrectionsFile> ParseCorrectionsJson(std::string_view text);
Result<CorrectionsFile> ParseCorrectionsCsv(std::string_view text);
// By content: JSON when it opens with '{', CSV otherwise.
Result<CorrectionsFile> ReadCorrections(const std::string& path);

// Applies every correction to `declaration` (all or none): kInvalidInput
// when the file is for another document, a project number is out of range
// or its name differs, a field is unknown, or a value does not parse. Each
// applied correction, with `read` set to the value it replaced, is appended
// to declaration->corrections.
Status ApplyCorrections(const CorrectionsFile& file, Declaration* declaration);

// Drops every check and runs the reconciliation again.
void Rereconcile(Declaration* declaration, const reconcile::ReconcileOptions& options);

}  // namespace decltab::review

#endif  // DECLTAB_REVIEW_CORRECTIONS_H_
