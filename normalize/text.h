// Text folding for OCR and text-layer strings: one canonical form so that
// labels, targets and amounts compare equal however they were typeset.
// All strings are UTF-8. Invalid UTF-8 bytes decode to U+FFFD.
#ifndef DECLTAB_NORMALIZE_TEXT_H_
#define DECLTAB_NORMALIZE_TEXT_H_

#include <string>
#include <string_view>

#include "core/utf8.h"

namespace decltab::normalize {

// Unicode NFKC (full-width ASCII, digits and punctuation become ASCII:
// （→(, ，→",", ：→:), then comparison signs (≥ ＞＝ >= → ">=", ≤ → "<=",
// ＝ → "="), a multiplication sign between digits (x X * ✕ → "×"), and
// whitespace: a run of whitespace becomes one space only between two ASCII
// letters/digits ("web server", "2 75"), otherwise it is removed (between
// CJK characters, CJK and digits, around punctuation). Trimmed. When ICU
// fails, the input is folded without the NFKC step.
std::string FoldText(std::string_view utf8);

// FoldText, then every remaining space removed too (targets, labels).
std::string FoldCompact(std::string_view utf8);

// IsCjk is core/utf8.h's, shared by every stage.
using decltab::IsCjk;

// Similarity of two labels in [0, 1]: 1 - Levenshtein distance over code
// points / length of the longer, after FoldCompact. Two empty labels are 1.
double LabelSimilarity(std::string_view a, std::string_view b);

// Levenshtein distance over code points (no folding).
int EditDistance(std::u32string_view a, std::u32string_view b);

// UTF-8 <-> UTF-32 without ICU.
std::u32string ToU32(std::string_view utf8);
std::string ToUtf8(std::u32string_view text);

// Number of code points.
size_t CodePointCount(std::string_view utf8);

bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);

// True when `text` contains one of `words` (an array of string-likes).
template <typename Words>
bool ContainsAny(std::string_view text, const Words& words) {
  for (std::string_view w : words)
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_TEXT_H_
