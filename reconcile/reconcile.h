// Reconciliation: recomputes the declaration's figures from their parts and
// records one Check per rule and scope (see the output contract's six rules).
// A rule is `ok` only when every input was read with confidence; doubt is
// reported as `unverifiable`, never as `ok`.
#ifndef DECLTAB_RECONCILE_RECONCILE_H_
#define DECLTAB_RECONCILE_RECONCILE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/declaration.h"

namespace decltab::reconcile {

// Inputs read with a lower OCR confidence (0..1) make a rule unverifiable,
// whether or not the figures agree. Tesseract's chi_sim confidences are low
// even for right readings: on the 300 dpi sample scan, correctly read figure
// cells scored 0.58-0.91 and a garbled formula cell 0.16 (see README,
// "Confidence"). The default of extract, batch and reconcile alike.
inline constexpr float kDefaultMinConfidence = 0.50f;

struct ReconcileOptions {
  float min_confidence = kDefaultMinConfidence;
};

// Appends checks to every Project::checks and to Declaration::checks (it
// does not clear earlier ones: call it once per declaration). Never fails:
// a rule that cannot be evaluated yields an `unverifiable` check whose detail
// says why ("funds.total not read").
void Reconcile(Declaration* declaration, const ReconcileOptions& options);

// Where a rule's checks live: budget_line and project checks in
// Project::checks, document checks in Declaration::checks.
enum class RuleScope { kBudgetLine, kProject, kDocument };
const char* ToString(RuleScope scope);  // "budget_line", "project", "document"

// What a rule sees: the declaration, the project under check (nullptr for
// document rules) and the options. Rules only read.
struct RuleContext {
  const Declaration& declaration;
  const Project* project;
  const ReconcileOptions& options;
};

using RuleFn = void (*)(const RuleContext& context, std::vector<Check>* out);

struct RuleInfo {
  const char* name;  // fixed by the output contract
  RuleScope scope;
  RuleFn fn;
};

// The six rules, in the order their checks are appended.
const std::vector<RuleInfo>& Rules();

// The scope of a rule by name; nullopt for a name not in Rules().
std::optional<RuleScope> ScopeOfRule(const std::string& rule);

}  // namespace decltab::reconcile

#endif  // DECLTAB_RECONCILE_RECONCILE_H_
