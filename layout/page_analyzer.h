// Layout stage: from one rendered (or scanned) page image to ruled tables
// with merged cells and to the text lines outside them.
//
// All coordinates are pixels of the page image at PageImage::dpi, origin at
// the top-left of the *deskewed* image. Lengths in LayoutOptions are
// millimetres on paper, converted with the page's dpi, so one set of defaults
// works from 150 to 300 dpi.
#ifndef DECLTAB_LAYOUT_PAGE_ANALYZER_H_
#define DECLTAB_LAYOUT_PAGE_ANALYZER_H_

#include <string>
#include <vector>

#include "core/geometry.h"
#include "core/page_layout.h"
#include "core/result.h"
#include "core/status.h"
#include "layout/layout_options.h"

namespace decltab::layout {

struct PageGeometry {
  PageImage deskewed;  // grey, rotated so ruling lines are axis-aligned
                       // (same size, dpi and page number as the input)
  PageImage binary;    // deskewed, binarized once: 0 ink, 255 paper
  double skew_degrees = 0;  // rotation removed, counter-clockwise positive
                            // as seen on the page
  std::vector<Table> tables;     // top to bottom; cells carry row, col, spans
                                 // and box (inside the ruling lines), no text
  std::vector<Rect> text_lines;  // text outside tables, reading order
};

// Deskews, binarizes and finds tables and text lines on `page`.
// Fails with kInvalidInput when the image is empty, its pixel buffer does not
// match width*height or dpi is not positive; kInternal if OpenCV fails
// (out of memory). A page without tables gives an empty `tables`.
Result<PageGeometry> AnalyzePage(const PageImage& page,
                                 const LayoutOptions& options);

// For pages with a text layer (word boxes in page pixels, deskewed frame):
// puts each word into the cell of `tables` whose grid area contains the
// word's centre, replacing that cell's text with its words joined in reading
// order (no space between CJK characters, one space between Latin/digit
// words, none between touching glyph runs), and appends the remaining words
// to `blocks`, one TextBlock per text line, in reading order. Cells that
// receive no words keep their text. A null `tables` sends every word to
// `blocks`; a null `blocks` drops the words outside cells.
void AssignWords(const std::vector<Word>& words, std::vector<Table>* tables,
                 std::vector<TextBlock>* blocks);

// Writes a PNG for a person to look at: the deskewed page in grey, grid lines,
// each cell's box coloured by text confidence (green >= 0.9, orange, red
// < 0.6) labelled "r3c1 0.93" (plus "2x1" spans), and text-line boxes.
// Cells and confidences come from `layout` when it has tables, else from
// `geometry`. Fails with kInvalidInput on an empty page image and kInternal
// when the file cannot be written.
Status WriteOverlay(const PageGeometry& geometry, const PageLayout& layout,
                    const std::string& png_path);

}  // namespace decltab::layout

#endif  // DECLTAB_LAYOUT_PAGE_ANALYZER_H_
