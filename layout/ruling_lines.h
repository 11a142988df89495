// Ruling-line detection: long thin runs of ink, horizontal and vertical, on
// an upright ink mask. Internal to layout/.
#ifndef DECLTAB_LAYOUT_RULING_LINES_H_
#define DECLTAB_LAYOUT_RULING_LINES_H_

#include <vector>

#include <opencv2/core.hpp>

#include "layout/page_analyzer.h"

namespace decltab::layout {

// One stretch of ruling line. Pixels of the upright page.
struct LineSegment {
  double pos = 0;    // centre across the line: y of a horizontal line, x of a
                     // vertical one
  int start = 0;     // extent along the line, [start, end)
  int end = 0;
  double thickness = 1;  // mean stroke width across the line
  int length() const { return end - start; }
};

struct RulingLines {
  std::vector<LineSegment> horizontal;
  std::vector<LineSegment> vertical;
  // 255 where ink runs at least options.line_piece_mm along that direction:
  // the evidence an edge between grid nodes is measured on (it keeps pieces
  // of broken lines that are too short to be found as segments).
  cv::Mat horizontal_pieces;
  cv::Mat vertical_pieces;
  // 255 on every found segment (both directions), to erase before looking
  // for text.
  cv::Mat line_mask;
  // The ink mask the lines were found on (shared, not copied), and the ink
  // that is not part of any found segment.
  cv::Mat ink;
  cv::Mat loose_ink;
};

// Finds ruling lines on `ink` (CV_8UC1, 255 ink). Small gaps are closed,
// then runs shorter than min_hline_mm / min_vline_mm (glyph strokes) are
// dropped, and so are runs with ink close beside them along much of their
// length (strokes of a text line bridged together). May throw cv::Exception (out of memory).
RulingLines FindRulingLines(const cv::Mat& ink, int dpi,
                            const LayoutOptions& options);

// How far from a line's centre paper is expected on both sides: half its
// thickness plus options.line_clearance_mm.
int ClearanceOffset(double thickness, int dpi, const LayoutOptions& options);

// Share of [from, to) along a line at `pos` where `ink` has ink `offset`
// before or `offset` after the line (across it). High for glyph strokes
// bridged into a run, low for a ruling line. 0 next to the page edge.
double SideInk(const cv::Mat& ink, bool horizontal, double pos, int offset,
               int from, int to);

// Share of [from, to) along a line at `pos` (within +-band across it) that
// `pieces` covers. With `ink` and an `offset`, a position counts only when
// `ink` has paper `offset` before and after the line there: glyph strokes
// lying on the line's position do not make a line (text touching a real
// line weakens it too, see the report's limitations). Returns 1 for an
// empty range.
double LineCoverage(const cv::Mat& pieces, bool horizontal, double pos,
                    int band, int from, int to, const cv::Mat& ink = cv::Mat(),
                    int offset = 0);

}  // namespace decltab::layout

#endif  // DECLTAB_LAYOUT_RULING_LINES_H_
