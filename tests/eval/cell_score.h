// Per-cell text accuracy: every table cell the renderer drew (its truth,
// testdata/truth/cells/) against the cell decltab reads at the same place
// (`decltab layout` page files). Boxes are compared as fractions of the
// page, so truth in points and reading in pixels at any dpi line up.
#ifndef DECLTAB_TESTS_EVAL_CELL_SCORE_H_
#define DECLTAB_TESTS_EVAL_CELL_SCORE_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace decltab::eval {

// A box as fractions of the page width and height, from the top-left.
struct PageBox {
  double x = 0, y = 0, width = 0, height = 0;
};

// A cell on a page: a truth cell or one decltab read.
struct PageCell {
  int page = 0;  // 1-based
  PageBox box;
  std::string text;
};

// Kinds of error that are not character runs inside a read cell.
inline constexpr const char* kNoCell = "<no cell>";       // nothing read there
inline constexpr const char* kReadEmpty = "<read empty>";  // read as blank

struct CellScore {
  // Non-empty truth cells: the exact-match rate and CER are over these.
  int cells = 0;
  int exact = 0;    // folded read text == folded truth text
  int missing = 0;  // no read cell at the truth cell's place
  // Read cells that also answer another truth cell: decltab's grid lost a
  // ruling line there (layout, not OCR).
  int merged = 0;
  long truth_chars = 0;  // code points of the folded truth texts
  long edits = 0;        // edit distance summed; a missing cell costs its length
  // Empty truth cells (blank form fields, the rest of a merged cell after a
  // page break): `empty_ok` of them were read blank or not read at all.
  int empty_cells = 0;
  int empty_ok = 0;
  // "truth → read" edit runs (EditRuns) of the non-exact cells, plus
  // kNoCell and kReadEmpty once per such cell, with their counts.
  std::map<std::string, int> errors;

  double exact_rate() const { return cells ? double(exact) / cells : 0; }
  double cer() const { return truth_chars ? double(edits) / truth_chars : 0; }
};

// How both texts are compared: NFKC (ICU; "…" becomes "...", full-width
// forms their ASCII), then FoldText (tests/eval/text_match.h: ≥/≤ spelled
// >=/<=, every whitespace removed). The scorer's own fold, not decltab's.
std::string FoldCellText(const std::string& text);

// The read cell for `truth`: among read cells on its page whose centre lies
// in the truth box or that hold the truth box's centre, the one with the
// largest intersection over union; -1 when there is none.
int MatchCell(const PageCell& truth, const std::vector<PageCell>& read);

// Texts are compared after FoldCellText. One read cell may answer several
// truth cells (decltab merged them), each then scored alone.
CellScore ScoreCells(const std::vector<PageCell>& truth,
                     const std::vector<PageCell>& read);

// The `n` most frequent error kinds, most frequent first (ties by text).
std::vector<std::pair<std::string, int>> TopErrors(const CellScore& score,
                                                   size_t n);

// "cells NAME: exact 0.985 (1350/1371), CER 0.012 (40/3400 chars),
//  missing 3, merged 4, empty-ok 200/210"
std::string FormatCellScoreLine(const std::string& name,
                                const CellScore& score);

// A truth file written by `decltab_render --cells-out`, boxes as fractions
// of its page size. kInvalidInput when unreadable or of the wrong shape.
Result<std::vector<PageCell>> ReadTruthCells(const std::string& path);

// Every table cell of the page-N.json files `decltab layout` wrote into
// `dir`, boxes as fractions of each page's width and height in pixels.
Result<std::vector<PageCell>> ReadLayoutCells(const std::string& dir);

}  // namespace decltab::eval

#endif  // DECLTAB_TESTS_EVAL_CELL_SCORE_H_
