// The values a review shows and a correction can name, each with its
// Source: funds, budget line amounts, stated budget totals, indicator
// targets and the document's stated total. Which of them a check rests on,
// what a check says in words, and the queue of unsure values.
#ifndef DECLTAB_REVIEW_FIGURES_H_
#define DECLTAB_REVIEW_FIGURES_H_

#include <string>
#include <vector>

#include "core/declaration.h"

namespace decltab::review {

struct Figure {
  int project = 0;    // 1-based; 0 for the document
  std::string field;  // the correction key: "funds.total", "budget_lines[3].amount"
  std::string label;  // for people: "funds.total", "line 3 援藏干部工作经费"
  std::string value;  // as shown: "1,500,000.00 元", ">=2家"
  std::string read;   // as a correction's `read`: "1500000.00", ">=2家"
  Source source;
};

// Every figure of the declaration, document first, then per project: funds,
// stated budget totals, budget line amounts, indicator targets.
std::vector<Figure> Figures(const Declaration& declaration);

// The figures a check rests on (indexes into `figures`), for showing their
// crops: `project` is 1-based, 0 for a document check.
std::vector<size_t> CheckFigures(const Declaration& declaration, int project,
                                 const Check& check, const std::vector<Figure>& figures);

// Figures read with confidence below `below`, most doubtful first (ties in
// document order).
std::vector<size_t> ReviewQueue(const std::vector<Figure>& figures, float below);

// "1,800,000.00 元".
std::string GroupedYuan(Fen amount);

// What a check found, in words: "8 lines sum to 1,800,000.00 元; the form
// states 1,500,000.00 元; 300,000.00 元 apart". Empty when the check has
// no figures (its detail says why).
std::string CheckInWords(const Check& check);

}  // namespace decltab::review

#endif  // DECLTAB_REVIEW_FIGURES_H_
