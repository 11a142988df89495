#include "tests/layout/synthetic_page.h"

#include <algorithm>
#include <cstdlib>
#include <random>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace decltab::layout::testing {

cv::Mat BlankPage(int width, int height) {
  return cv::Mat(height, width, CV_8UC1, cv::Scalar(255));
}

std::vector<int> Lines(int start, int step, int count) {
  std::vector<int> lines;
  for (int i = 0; i <= count; ++i) lines.push_back(start + i * step);
  return lines;
}

void DrawTextLine(int x0, int x1, int y, int glyph, uint64_t seed, cv::Mat* page) {
  std::mt19937_64 rng(seed);
  int x = x0;
  while (x + glyph <= x1) {
    // Two strokes per glyph, like a simple character: a bar and a stem.
    int h = glyph * (6 + static_cast<int>(rng() % 5)) / 10;
    cv::rectangle(*page, cv::Rect(x, y - h, glyph, std::max(2, glyph / 6)),
                  cv::Scalar(0), cv::FILLED);
    cv::rectangle(*page, cv::Rect(x + glyph / 3, y - h, std::max(2, glyph / 6), h),
                  cv::Scalar(0), cv::FILLED);
    // Mostly CJK-like pitch, now and then a word space.
    x += glyph + glyph / 5 + ((rng() % 7 == 0) ? glyph / 2 : 0);
  }
}

void DrawTable(const TableSpec& spec, uint64_t seed, cv::Mat* page) {
  int rows = static_cast<int>(spec.row_lines.size()) - 1;
  int cols = static_cast<int>(spec.col_lines.size()) - 1;
  std::vector<SpanSpec> cells;
  std::vector<bool> covered(static_cast<size_t>(rows * cols), false);
  for (const SpanSpec& m : spec.merged) {
    cells.push_back(m);
    for (int r = m.row; r < m.row + m.rowspan; ++r)
      for (int c = m.col; c < m.col + m.colspan; ++c) covered[r * cols + c] = true;
  }
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      if (!covered[r * cols + c]) cells.push_back({r, c, 1, 1});
  cv::Scalar ink(spec.ink);
  for (const SpanSpec& s : cells) {
    int x0 = spec.col_lines[s.col], x1 = spec.col_lines[s.col + s.colspan];
    int y0 = spec.row_lines[s.row], y1 = spec.row_lines[s.row + s.rowspan];
    bool left = s.col > 0 || spec.outer_border;
    bool right = s.col + s.colspan < cols || spec.outer_border;
    bool top = (s.row > 0 || spec.outer_border) && (s.row > 0 || spec.draw_top);
    bool bottom = s.row + s.rowspan < rows || spec.outer_border;
    if (top) cv::line(*page, {x0, y0}, {x1, y0}, ink, spec.thickness);
    if (bottom) cv::line(*page, {x0, y1}, {x1, y1}, ink, spec.thickness);
    if (left) cv::line(*page, {x0, y0}, {x0, y1}, ink, spec.thickness);
    if (right) cv::line(*page, {x1, y0}, {x1, y1}, ink, spec.thickness);
    if (spec.text) {
      int glyph = std::min(24, (y1 - y0) / 3);
      DrawTextLine(x0 + 10, std::min(x1 - 10, x0 + 10 + 5 * glyph),
                   (y0 + y1) / 2 + glyph / 2, glyph, seed + s.row * 31 + s.col, page);
    }
  }
}

void DrawStackedLabel(const cv::Rect& cell, int count, int per_line, int glyph,
                      int gap, cv::Mat* page) {
  int lines = (count + per_line - 1) / per_line;
  int width = per_line * glyph + (per_line - 1) * gap;
  int height = lines * glyph + (lines - 1) * gap;
  int x0 = cell.x + (cell.width - width) / 2;
  int y0 = cell.y + (cell.height - height) / 2;
  int stroke = std::max(2, glyph / 12);
  for (int i = 0; i < count; ++i) {
    int x = x0 + (i % per_line) * (glyph + gap);
    int y = y0 + (i / per_line) * (glyph + gap);
    // Full-height sides; three bars across the middle third, well short of
    // the sides, so the bars of a line of glyphs never make half a cell edge.
    cv::rectangle(*page, cv::Rect(x, y, stroke, glyph), cv::Scalar(0), cv::FILLED);
    cv::rectangle(*page, cv::Rect(x + glyph - stroke, y, stroke, glyph),
                  cv::Scalar(0), cv::FILLED);
    for (int bar : {y, y + (glyph - stroke) / 2, y + glyph - stroke})
      cv::rectangle(*page, cv::Rect(x + glyph / 3, bar, glyph / 3, stroke),
                    cv::Scalar(0), cv::FILLED);
  }
}

void DegradeLikeScan(double degrees, double noise_sigma, uint64_t seed,
                     cv::Mat* page) {
  cv::Point2f centre(page->cols / 2.0f, page->rows / 2.0f);
  cv::Mat rotation = cv::getRotationMatrix2D(centre, degrees, 1.0);
  cv::Mat rotated;
  cv::warpAffine(*page, rotated, rotation, page->size(), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, cv::Scalar(255));
  cv::GaussianBlur(rotated, rotated, cv::Size(0, 0), 0.8);
  cv::Mat out(rotated.size(), CV_8UC1);
  cv::RNG rng(seed);
  for (int y = 0; y < rotated.rows; ++y)
    for (int x = 0; x < rotated.cols; ++x) {
      // Paper greys from 235 (top-left) to 200 (bottom-right); ink at 40.
      double paper = 235 - 35.0 * (x + y) / (rotated.cols + rotated.rows);
      double v = 40 + (paper - 40) * rotated.at<uint8_t>(y, x) / 255.0;
      out.at<uint8_t>(y, x) = cv::saturate_cast<uint8_t>(v + rng.gaussian(noise_sigma));
    }
  *page = out;
}

PageImage ToPage(const cv::Mat& page, int dpi) {
  PageImage image;
  image.page_number = 1;
  image.dpi = dpi;
  image.width = page.cols;
  image.height = page.rows;
  image.pixels.assign(page.datastart, page.dataend);
  return image;
}

void MaybeDumpImage(const PageImage& image, const std::string& name) {
  const char* dir = std::getenv("DECLTAB_DEBUG_DIR");
  if (dir == nullptr || *dir == 0 || image.empty()) return;
  cv::imwrite(std::string(dir) + "/" + name + ".png",
              cv::Mat(image.height, image.width, CV_8UC1,
                      const_cast<uint8_t*>(image.pixels.data())));
}

void MaybeDumpOverlay(const PageGeometry& geometry, const std::string& name) {
  const char* dir = std::getenv("DECLTAB_DEBUG_DIR");
  if (dir == nullptr || *dir == 0) return;
  std::string base = std::string(dir) + "/" + name;
  (void)WriteOverlay(geometry, PageLayout(), base + ".png");
  const PageImage& g = geometry.deskewed;
  if (!g.empty())
    cv::imwrite(base + ".grey.png",
                cv::Mat(g.height, g.width, CV_8UC1, const_cast<uint8_t*>(g.pixels.data())));
  const PageImage& b = geometry.binary;
  if (b.empty()) return;
  cv::Mat binary(b.height, b.width, CV_8UC1, const_cast<uint8_t*>(b.pixels.data()));
  cv::imwrite(base + ".bin.png", binary);
}

}  // namespace decltab::layout::testing
