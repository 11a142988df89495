// Small builders for hand-made declarations in reconcile tests.
#ifndef DECLTAB_TESTS_RECONCILE_FIXTURES_H_
#define DECLTAB_TESTS_RECONCILE_FIXTURES_H_

#include <cstdio>
#include <string>
#include <vector>

#include "core/declaration.h"

namespace decltab::reconcile::testing {

// A source read at page/where, its typed table/row/col taken from a `where`
// of the pipeline's form ("table 2 r9c4"), as normalize fills both.
inline Source SourceAt(int page, const std::string& where,
                       const std::string& raw = "", float confidence = 0.99f) {
  Source s{page, where, raw, confidence};
  char tail = 0;
  if (std::sscanf(where.c_str(), "table %d r%dc%d%c", &s.table, &s.row, &s.col,
                  &tail) < 3)
    s.table = s.row = s.col = 0;
  return s;
}

// An amount of `fen` stated to `precision` fen, read at page/where.
inline StatedAmount Stated(int64_t fen, int64_t precision = 1, int page = 1,
                           const std::string& where = "table 1 r1c1",
                           const std::string& raw = "", float confidence = 0.99f) {
  StatedAmount a;
  a.value = Fen(fen);
  a.precision = Fen(precision);
  a.source = SourceAt(page, where, raw, confidence);
  return a;
}

inline BudgetLine Line(const std::string& item, int64_t amount_fen,
                       const std::string& where = "table 2 r1c4",
                       float confidence = 0.99f, int page = 2) {
  BudgetLine line;
  line.item = item;
  line.amount = Stated(amount_fen, 1, page, where, "", confidence);
  return line;
}

// A project whose six funds fields all state `total_fen` to the fen (no
// carryover, no other funds).
inline Project ConsistentProject(const std::string& name, int64_t total_fen) {
  Project p;
  p.name = name;
  p.funds.total = Stated(total_fen, 1, 3, "table 1 r4c3");
  p.funds.annual_request = Stated(total_fen, 1, 3, "table 1 r4c5");
  p.funds.fiscal = Stated(total_fen, 1, 3, "table 1 r5c3");
  p.funds.appropriation = Stated(total_fen, 1, 3, "table 1 r5c5");
  p.funds.carryover = Stated(0, 1, 3, "table 1 r6c5");
  p.funds.other = Stated(0, 1, 3, "table 1 r7c3");
  return p;
}

inline const Check* FindCheck(const std::vector<Check>& checks,
                              const std::string& rule, size_t nth = 0) {
  for (const Check& c : checks)
    if (c.rule == rule && nth-- == 0) return &c;
  return nullptr;
}

}  // namespace decltab::reconcile::testing

#endif  // DECLTAB_TESTS_RECONCILE_FIXTURES_H_
