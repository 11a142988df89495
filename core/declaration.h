// The declaration model: what normalize/ builds from a DocumentLayout,
// reconcile/ checks, and export/ writes (see the output contract).
// Amounts are exact Fen; every figure keeps where it was read and how sure.
#ifndef DECLTAB_CORE_DECLARATION_H_
#define DECLTAB_CORE_DECLARATION_H_

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/fen.h"
#include "core/geometry.h"

namespace decltab {

// Where a value was read: page, a human-readable cell or text reference
// ("table 2 r3c4", "text"), the raw text, and the lowest OCR confidence;
// then the same place typed, for tools that show the page image: the table,
// row and column `where` names, and the box of the cell, row or text line in
// page pixels at `dpi` (of the deskewed page image, as layout/ saw it).
struct Source {
  int page = 0;  // 1-based; 0 when unknown
  std::string where;
  std::string raw;
  float confidence = 1.0;
  int table = 0;    // 1-based on its page; 0: not in a table (or unknown)
  int row = 0;      // 1-based; 0 when unknown
  int col = 0;      // 1-based; 0 for a whole row (or unknown)
  Rect box;         // empty when unknown
  int dpi = 0;      // of `box`; 0 when unknown
};

// A stated amount and the unit of its last stated digit ("1234.50万元"
// states to 0.01万元 = 10000 fen; "1250000.00" to 1 fen; "38000" to 100 fen).
struct StatedAmount {
  Fen value;
  Fen precision{1};
  Source source;
};

struct Funds {
  std::optional<StatedAmount> total;           // 项目资金总额
  std::optional<StatedAmount> annual_request;  // 年度资金申请总额
  std::optional<StatedAmount> appropriation;   // 其中: 当年财政拨款
  std::optional<StatedAmount> fiscal;          // 其中: 财政资金
  std::optional<StatedAmount> carryover;       // 上年结转资金
  std::optional<StatedAmount> other;           // 其他资金
};

struct BudgetLine {
  std::optional<std::string> group;
  std::string item;
  std::optional<Decimal> quantity;
  std::optional<std::string> unit;
  std::optional<Fen> unit_price;
  // The row or clause the line was read from ("援藏干部工作经费 11 25万元
  // 275万元"); the output contract's `raw`.
  std::string raw;
  // amount.source: the amount's own text ("275万元", a formula "800×47=38000")
  // with its page and cell; its confidence is the lowest among the cells
  // holding figures (quantity, price, amount), which is what the checks rest
  // on. `confidence` is the lowest among all the line's cells.
  StatedAmount amount;
  float confidence = 1.0f;
  bool amount_from_formula = false;  // "800×47=38000": amount is the stated result
};

struct TargetParsed {
  std::string op;  // ">=", "<=", "=", ">", "<"
  Decimal value;
  std::string unit;  // may be empty
};

struct Indicator {
  std::string level1, level2, level3;
  std::string target;  // normalized text
  std::optional<TargetParsed> target_parsed;
  Source source;
};

enum class CheckStatus { kOk, kMismatch, kUnverifiable };

struct Check {
  std::string rule;
  CheckStatus status = CheckStatus::kUnverifiable;
  // Fen for amount rules; plain counts (in count()) for project_count_equals_stated.
  std::optional<Fen> expected, computed, delta;
  bool is_count = false;
  std::string detail;
};

struct Project {
  std::string name;
  std::string heading_name;  // from 项目经费情况说明--NAME, may be empty
  std::vector<int> pages;
  std::optional<std::string> category, department, implementer;
  std::optional<std::string> start_date, end_date;  // YYYY-MM-DD
  Funds funds;
  std::optional<std::string> overall_goal, annual_goal;
  std::vector<BudgetLine> budget_lines;
  std::vector<Indicator> indicators;
  // Totals rows (合计/小计) and stated budget totals, for subtotal checks.
  std::vector<StatedAmount> stated_budget_totals;
  std::vector<Check> checks;
  std::vector<std::string> warnings;  // e.g. heading and form names disagree
  // Budget rows that hold figures but could not be read as a line (amount
  // unparseable): a sum over the lines read is then unverifiable.
  std::vector<std::string> unread_budget_rows;
};

enum class SourceKind { kScanned, kDigital, kMixed };

// A reviewer's correction of one value read (see review/corrections.h):
// the field it names, the value as read and as corrected, who, when, why.
struct Correction {
  int project = 0;          // 1-based project number; 0 for the document
  std::string project_name; // as read, to catch a file meant for another run
  // "funds.total", "budget_lines[3].amount" (1-based), "indicators[2].target",
  // "stated_total", "stated_project_count", a header field ("category") ...
  std::string field;
  std::string read;       // the value before the correction, as text
  std::string corrected;  // the value after, as given ("1500000.00", "150万元")
  std::string who, when, note;
};

struct Declaration {
  std::string file, sha256;
  int page_count = 0;
  SourceKind kind = SourceKind::kScanned;
  std::optional<std::string> title;
  std::optional<int> stated_project_count;
  std::optional<StatedAmount> stated_total;
  std::vector<Project> projects;
  std::vector<Check> checks;  // document-level
  std::vector<std::string> warnings;
  // How the pages were seen, so a tool can render a page again and find a
  // Source's box on it: the render dpi, and the skew removed from each page
  // (page_skew_degrees[i] for page i + 1) before layout.
  int dpi = 0;
  std::vector<double> page_skew_degrees;
  // Reviewers' corrections applied to this declaration, in order.
  std::vector<Correction> corrections;
};

inline const char* ToString(CheckStatus s) {
  switch (s) {
    case CheckStatus::kOk: return "ok";
    case CheckStatus::kMismatch: return "mismatch";
    case CheckStatus::kUnverifiable: return "unverifiable";
  }
  return "unverifiable";
}

inline const char* ToString(SourceKind k) {
  switch (k) {
    case SourceKind::kScanned: return "scanned";
    case SourceKind::kDigital: return "digital";
    case SourceKind::kMixed: return "mixed";
  }
  return "scanned";
}

}  // namespace decltab

#endif  // DECLTAB_CORE_DECLARATION_H_
