// Text lines outside tables, from the ink mask. Internal to layout/.
#ifndef DECLTAB_LAYOUT_TEXT_LINES_H_
#define DECLTAB_LAYOUT_TEXT_LINES_H_

#include <vector>

#include <opencv2/core.hpp>

#include "core/geometry.h"
#include "core/page_layout.h"
#include "layout/layout_options.h"

namespace decltab::layout {

// One rectangle per text line outside `tables`, in reading order. `ink` is
// CV_8UC1 (255 ink) of the upright page; `line_mask` marks ruling lines,
// which are not text. Specks are dropped; glyphs closer than word_gap_mm on
// one line are joined. May throw cv::Exception (out of memory).
std::vector<Rect> FindTextLines(const cv::Mat& ink, const cv::Mat& line_mask,
                                const std::vector<Table>& tables, int dpi,
                                const LayoutOptions& options);

// Sorts rectangles into reading order: rows of rectangles that share a
// vertical band, top to bottom, each row left to right.
void SortReadingOrder(std::vector<Rect>* rects);

}  // namespace decltab::layout

#endif  // DECLTAB_LAYOUT_TEXT_LINES_H_
