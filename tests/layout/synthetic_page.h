// Synthetic pages for layout tests: ruled tables drawn with OpenCV from a
// grid description, text as rows of small filled blobs, and a cheap scan
// degradation (rotation, blur, uneven paper, noise).
#ifndef DECLTAB_TESTS_LAYOUT_SYNTHETIC_PAGE_H_
#define DECLTAB_TESTS_LAYOUT_SYNTHETIC_PAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/page_layout.h"
#include "layout/page_analyzer.h"

namespace decltab::layout::testing {

struct SpanSpec {
  int row, col, rowspan, colspan;
};

struct TableSpec {
  std::vector<int> row_lines;  // y of each grid line, top to bottom
  std::vector<int> col_lines;  // x of each grid line
  std::vector<SpanSpec> merged;  // cells larger than 1x1
  bool outer_border = true;
  bool draw_top = true;    // false: the top line is missing (cut by a page break)
  int thickness = 2;
  int ink = 0;             // grey level of the lines
  bool text = true;        // blobs of "text" in every cell
};

// A white page (CV_8UC1) of the given size.
cv::Mat BlankPage(int width, int height);

// Evenly spaced grid lines: count+1 positions from `start` with `step`.
std::vector<int> Lines(int start, int step, int count);

// Draws the table's cell borders (each cell's four edges, skipping outer
// ones when !outer_border and the top one when !draw_top) and text blobs.
void DrawTable(const TableSpec& spec, uint64_t seed, cv::Mat* page);

// A line of "text": glyph-sized filled blobs from x0 to x1 at baseline y.
void DrawTextLine(int x0, int x1, int y, int glyph, uint64_t seed, cv::Mat* page);

// A label written down a narrow cell, `per_line` glyphs to a line: `count`
// glyphs of size `glyph` (two full-height sides and three short bars
// between them, a little like 目), `gap` apart, the block centred in
// `cell`. Their sides run along the cell's borders when the cell is barely
// wider than the glyphs.
void DrawStackedLabel(const cv::Rect& cell, int count, int per_line, int glyph,
                      int gap, cv::Mat* page);

// Rotates by `degrees` (counter-clockwise), blurs, tints the paper unevenly
// and adds gaussian noise of `noise_sigma`.
void DegradeLikeScan(double degrees, double noise_sigma, uint64_t seed,
                     cv::Mat* page);

PageImage ToPage(const cv::Mat& page, int dpi);

// When the environment variable DECLTAB_DEBUG_DIR names a directory, writes
// the overlay of `geometry` there as <name>.png (and the binary image as
// <name>.bin.png, the deskewed grey page as <name>.grey.png); otherwise
// does nothing. For looking at failures.
void MaybeDumpOverlay(const PageGeometry& geometry, const std::string& name);
// Likewise writes `image` as <name>.png.
void MaybeDumpImage(const PageImage& image, const std::string& name);

}  // namespace decltab::layout::testing

#endif  // DECLTAB_TESTS_LAYOUT_SYNTHETIC_PAGE_H_
