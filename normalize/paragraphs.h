// Joins text lines into the paragraphs they were typeset as, so that a
// sentence wrapped over two lines ("…网站英文版(运维)1.5万元,门户" / "网站升级…")
// is read whole. Pieces of one line become one line first.
#ifndef DECLTAB_NORMALIZE_PARAGRAPHS_H_
#define DECLTAB_NORMALIZE_PARAGRAPHS_H_

#include <vector>

#include "core/page_layout.h"

namespace decltab::normalize {

// A line continues the paragraph above when the line above runs to the
// right margin, it starts at the left margin (no first-line indent), the gap
// between them is under one line height and no table lies between them.
// Margins are the extreme left and right edges of the page's text lines, of
// those at least twice as wide as high when there are any (a fleck read as
// a glyph out in the margin moves neither).
//
// `edges`, when given, receives for each paragraph how it meets the
// margins: a paragraph whose last line runs to the right margin may go on
// on the next page, in a paragraph there whose first line starts at the
// left margin.
struct ParagraphEdges {
  bool flush_left = false;  // the first line starts at the left margin
  bool runs_on = false;     // the last line runs to the right margin
};
std::vector<TextBlock> JoinParagraphs(const PageLayout& page,
                                      std::vector<ParagraphEdges>* edges = nullptr);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_PARAGRAPHS_H_
