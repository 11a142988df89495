// The evaluation scorer: compares one decltab output JSON with its truth
// JSON (testdata/truth/SCHEMA.md; only the contract fields are read) and
// measures per document
//  - project recall: truth projects matched to output projects, in order,
//    by folded name similarity >= 0.8;
//  - funds.total exact: matched projects whose funds.total equals the truth
//    to the fen, over all truth projects;
//  - indicator rows: multiset match of folded (level1, level2, level3,
//    target) within matched projects, micro-averaged P/R/F1 (indicators of
//    unmatched projects count as misses / false hits);
//  - budget lines: a line matches when amount_yuan is equal to the fen and
//    the item is equal when folded or similar >= 0.8; micro-averaged; of
//    the matched lines, those whose group (similar, as items), quantity and
//    unit price (to the fen) agree with the truth are counted;
//  - reconciliation agreement: per (scope, rule) the worst status
//    (mismatch > unverifiable > ok) in output and truth; agreement is the
//    share of truth pairs with the same status.
#ifndef DECLTAB_TESTS_EVAL_SCORER_H_
#define DECLTAB_TESTS_EVAL_SCORER_H_

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace decltab::eval {

inline constexpr double kNameSimilarity = 0.8;
inline constexpr double kItemSimilarity = 0.8;

// Micro-averaged counts; the ratios are 1.0 when there is nothing to find
// and nothing was found.
struct MatchCounts {
  int predicted = 0;
  int truth = 0;
  int matched = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

// A (scope, rule) whose worst status differs between output and truth.
struct CheckDisagreement {
  std::string scope;  // "document" or "project 3 '名称'" (truth numbering)
  std::string rule;
  std::string output_status;  // "ok" | "mismatch" | "unverifiable" | "missing"
  std::string truth_status;
  std::string output_detail;  // of the worst output check, if any
  std::string truth_detail;
};

struct DocumentScore {
  std::string name;
  int truth_projects = 0;
  int output_projects = 0;
  int matched_projects = 0;
  double project_recall = 0;
  // Pairs (truth index, output index), 0-based, in document order.
  std::vector<std::pair<int, int>> project_matches;

  int funds_total_exact = 0;  // over truth_projects
  double funds_total_exact_rate = 0;

  MatchCounts indicators;
  MatchCounts budget_lines;
  int budget_fields_right = 0;  // matched lines with group, quantity, price right

  int check_pairs = 0;  // (scope, rule) pairs in the truth
  int check_agreements = 0;
  double check_agreement = 0;
  int false_mismatches = 0;   // output mismatch, truth not
  int missed_mismatches = 0;  // truth mismatch, output not
  std::vector<CheckDisagreement> disagreements;
};

// Fails (kInvalidInput) when either document lacks a "projects" array.
Result<DocumentScore> ScoreDocument(const nlohmann::json& output,
                                    const nlohmann::json& truth,
                                    const std::string& name);

// Reads and parses both files, then ScoreDocument.
Result<DocumentScore> ScoreFiles(const std::string& output_path,
                                 const std::string& truth_path,
                                 const std::string& name);

// "score NAME: projects 14/14 recall 1.000 | funds.total exact 14/14 1.000 |
//  indicators P 0.98 R 0.97 F1 0.975 | budget lines F1 0.990 (group,
//  quantity, price right 68/69) | checks agree 0.97 (false mismatch 0, missed 0)" (one line).
std::string FormatScoreLine(const DocumentScore& score);

// One line per disagreement, e.g. "  check project 3 '名称'
// budget_lines_sum_equals_total: output mismatch, truth ok | output: ... |
// truth: ...". Empty when all agree.
std::string FormatDisagreements(const DocumentScore& score);

}  // namespace decltab::eval

#endif  // DECLTAB_TESTS_EVAL_SCORER_H_
