// Shared pieces of the rules: how a check compares a recomputed figure with a
// stated one, and how its detail names the figures and cells involved, e.g.
// "p3 table 1 r4c5 '1500000.00' (conf 0.97)". Amounts in details are 元.
#ifndef DECLTAB_RECONCILE_CHECK_TEXT_H_
#define DECLTAB_RECONCILE_CHECK_TEXT_H_

#include <string>
#include <vector>

#include "core/declaration.h"

namespace decltab::reconcile {

// "88.00 元".
std::string Yuan(Fen amount);

// "p3 table 1 r4c5 '1500000.00' (conf 0.97)"; parts that are unknown are
// left out ("text '3万元' (conf 1.00)"). Without the raw text when
// `with_raw` is false.
std::string DescribeSource(const Source& source, bool with_raw = true);

// "1234.50万元 (12345000.00 元)"; "1250000 元" when the raw text is a bare
// number of 元; "1250000.00 元" when there is no raw text.
std::string DescribeStated(const StatedAmount& amount);

// A stated figure with its label and cell:
// "funds.total 1250000 (1250000.00 元) at p3 table 1 r4c5 (conf 0.97)".
std::string DescribeFigure(const std::string& label, const StatedAmount& amount);

// A figure a rule reads, named for details ("funds.total", "line 3").
struct Input {
  std::string label;
  const Source* source;  // not owned; must outlive the call
};

// One entry per input read below `min_confidence`:
// "funds.total p3 table 1 r4c5 '125000O' (conf 0.61)". Empty when all are sure.
std::vector<std::string> LowConfidence(const std::vector<Input>& inputs,
                                       float min_confidence);

// A check of `computed` against the stated `expected`, which holds when
// |computed - expected| <= tolerance. `what` names both sides, e.g.
// "sum of 3 lines 120.00 元 vs funds.total 120.00 元 [p1 ...]"; the residue
// is appended. Any entry in `low_confidence` makes the check unverifiable
// (agreeing or not) and is listed in the detail.
Check CompareToStated(const std::string& rule, Fen computed, Fen expected,
                      Fen tolerance, const std::string& what,
                      const std::vector<std::string>& low_confidence);

// An unverifiable check with no figures: "funds.total not read".
Check Unverifiable(const std::string& rule, const std::string& why);

// "a; b; c", with at most `limit` items and "(+N more)".
std::string JoinLimited(const std::vector<std::string>& items, size_t limit);

inline Fen AbsFen(Fen f) { return f.count() < 0 ? Fen(-f.count()) : f; }
inline Fen MaxFen(Fen a, Fen b) { return a < b ? b : a; }

}  // namespace decltab::reconcile

#endif  // DECLTAB_RECONCILE_CHECK_TEXT_H_
