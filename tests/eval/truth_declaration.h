// Test helper: rebuilds a Declaration from a truth file's contract fields
// (as a perfect reader would have read them), so that reconcile/ and
// export/ can be run on it and scored against the truth's own checks.
// Stated precisions come from the layout extras: form.funds_text
// ("37800000.00" states to the fen, "37800000" to the 元) and the preamble's
// "…万元" total. Budget lines are taken as stated to the fen.
#ifndef DECLTAB_TESTS_EVAL_TRUTH_DECLARATION_H_
#define DECLTAB_TESTS_EVAL_TRUTH_DECLARATION_H_

#include <nlohmann/json.hpp>

#include "core/declaration.h"

namespace decltab::eval {

Declaration DeclarationFromTruth(const nlohmann::json& truth);

}  // namespace decltab::eval

#endif  // DECLTAB_TESTS_EVAL_TRUTH_DECLARATION_H_
