// Clean-up of raw OCR text of one region (internal to the extract stage,
// declared here for tests).
#ifndef DECLTAB_EXTRACT_REGION_TEXT_H_
#define DECLTAB_EXTRACT_REGION_TEXT_H_

#include <string>

namespace decltab::extract {

// Joins lines in reading order (a space only between two Latin letters),
// removes spaces next to CJK characters, collapses other space runs to one,
// strips stray ruling-line marks (| ] [ 丨 _ and similar) at both ends,
// drops what dust is read as: a - or . opening or closing the text next to
// a CJK character, a . opening a number that is no bare fraction, a quote
// at either end facing the wrong way or paired with none, dots beside an
// ellipsis ("服.…" -> "服…"); and turns a Latin x (or a doubled one, "Xx")
// between digits into × ("800x47" -> "800×47").
std::string CleanRegionText(const std::string& raw);

// CleanRegionText, then drops separators a number cannot start with (: ,)
// or end with (: , .), which the digit model makes of dust.
std::string CleanDigitText(const std::string& raw);

// Whether `text` holds only digits and numeric signs as chi_sim writes them
// (0-9 . , % - = > < ≥ ≤ : / and their full-width forms), with at least one
// digit: such cells are worth re-reading with the digit engine.
bool LooksNumeric(const std::string& text);

// Whether `text`, of at least 4 code points, is LooksNumeric but for one
// (">=905折": a % chi_sim read as 5折).
bool LooksNumericButOne(const std::string& text);

// Estimated ink width of `text` set in digits and numeric signs, in units
// of the ink height of its line (digit 0.67, '%' 1.0, '.' 0.35 ...;
// measured on Song-style form text). Characters outside that set count 0.67.
double EstimatedNumericWidth(const std::string& text);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_REGION_TEXT_H_
