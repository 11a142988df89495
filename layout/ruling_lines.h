// Ruling-line detection: long thin runs of ink, horizontal and vertical, on
// an upright ink mask. Internal to layout/.
#ifndef DECLTAB_LAYOUT_RULING_LINES_H_
#define DECLTAB_LAYOUT_RULING_LINES_H_

#include <utility>
#include <vector>

#include <opencv2/core.hpp>

#include "layout/layout_options.h"

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
  // Optional (empty when not set): the grey page `ink` was binarized from,
  // and a lower offset that makes a faint stretch of line show as ink there.
  cv::Mat grey;
  double faint_offset = 0;
};

// Finds ruling lines on `ink` (CV_8UC1, 255 ink). Small gaps are closed,
// then runs shorter than min_hline_mm / min_vline_mm (glyph strokes) are
// dropped, and so are runs with ink close beside them along much of their
// length (strokes of a text line bridged together) unless paper lies beside
// them along one stretch of clear_stretch_mm, where the lines kept by the
// first test that cross them do not count as ink. May throw cv::Exception (out of memory).
RulingLines FindRulingLines(const cv::Mat& ink, int dpi,
                            const LayoutOptions& options);

// How far from a line's centre paper is expected on both sides: half its
// thickness plus options.line_clearance_mm.
int ClearanceOffset(double thickness, int dpi, const LayoutOptions& options);

// What lies beside [from, to) of a line at `pos`, looking `offset` before
// and `offset` after it (across the line) on `ink`.
struct SideInk {
  // Share of positions with ink on either side: high for glyph strokes
  // bridged into a run, low for a ruling line. 0 next to the page edge.
  double share = 0;
  // The longest stretch (pixels) with paper on both sides.
  int longest_clear = 0;
};
SideInk MeasureSideInk(const cv::Mat& ink, bool horizontal, double pos,
                       int offset, int from, int to);

// Share of [from, to) along a line at `pos` (within +-band across it) that
// `pieces` covers. With `ink` and an `offset`, a position counts only when
// `ink` has paper `offset` before and after the line there: glyph strokes
// lying on the line's position do not make a line. Positions inside one of
// `found` ([start, end) of segments FindRulingLines kept at this line) count
// whatever lies beside them: that ink is line, and text touching it does
// not break it. Returns 1 for an empty range.
double LineCoverage(const cv::Mat& pieces, bool horizontal, double pos,
                    int band, int from, int to, const cv::Mat& ink = cv::Mat(),
                    int offset = 0,
                    const std::vector<std::pair<int, int>>& found = {});

// Longest stretch of [from, to) along a line at `pos` (within +-band across
// it) where `mask` has no pixel.
int LongestHole(const cv::Mat& mask, bool horizontal, double pos, int band,
                int from, int to);

// LineCoverage on pieces (runs of options.line_piece_mm along the line,
// small gaps closed) of `grey` binarized with faint_offset, worked out for
// this stretch only; paper beside the line is still judged on `ink`. 0
// without `grey`.
double FaintLineCoverage(const RulingLines& lines, bool horizontal, double pos,
                         int band, int from, int to, int offset,
                         const std::vector<std::pair<int, int>>& found, int dpi,
                         const LayoutOptions& options);

}  // namespace decltab::layout

#endif  // DECLTAB_LAYOUT_RULING_LINES_H_
