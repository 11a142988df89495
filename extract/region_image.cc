#include "extract/region_image.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace decltab::extract {
namespace {

// Geometry in millimetres on paper, converted with the page's dpi.
// Ruling-line remnants and their blurred, half-thresholded halo sit within
// this distance of a region's edge; text keeps a margin from the lines.
constexpr double kEdgeBandMm = 0.8;
constexpr double kSpeckMm = 0.2;       // ink blobs smaller than this square
constexpr double kDotMm = 0.8;         // a region whose ink fits in this is dust
constexpr double kLineCoverage = 0.5;  // share of a row/column a line covers
// Text-line grouping of the horizontal projection: gaps below this share of
// the tallest run are inside a line (strokes of 二, 三, 口 ...) as long as
// the merged run stays below kMaxMergedHeight × the tallest run.
constexpr double kInnerGap = 0.35;
constexpr double kMaxMergedHeight = 1.25;
constexpr double kMinLineShare = 0.4;  // lower runs are dots, dashes, dust
constexpr double kMinScale = 0.1, kMaxScale = 10.0;
// A mark is thin (at most kMarkThinEm of a line height wide) or small
// (kMarkSmallEm both ways); it is dust unless gaps under kMarkGapEm link it
// to the glyphs of its line. Dust (at most kDustEm both ways, smaller than
// any punctuation) is text only through such a chain.
constexpr double kMarkThinEm = 0.25, kMarkSmallEm = 0.5, kMarkGapEm = 0.5;
constexpr double kDustEm = 0.2;
// A 。 wrapped onto a line of its own: one small ring, 0.15 to 0.6 of a
// line's height across, starting within a line height of the left edge.
constexpr double kMinStopShare = 0.15, kMaxStopShare = 0.6;
// OcrPageImage: the paper is estimated by closing the grey page over this
// size (wider than any stroke); ink is capped at kInkTone and the rim
// raised to kRimTone, so the two stay on their sides of 128.
constexpr double kPaperWindowMm = 2.5;
constexpr int kPaperScaleDown = 4;
constexpr int kInkTone = 110, kRimTone = 140;

struct Run {
  int begin, end;  // [begin, end)
  int height() const { return end - begin; }
};

// Text lines of an ink mask by horizontal projection.
std::vector<Run> FindLines(const cv::Mat& ink) {
  std::vector<Run> runs;
  for (int y = 0; y < ink.rows; ++y) {
    if (cv::countNonZero(ink.row(y)) == 0) continue;
    if (!runs.empty() && runs.back().end == y) {
      runs.back().end = y + 1;
    } else {
      runs.push_back({y, y + 1});
    }
  }
  if (runs.empty()) return runs;
  int tallest = 0;
  for (const Run& r : runs) tallest = std::max(tallest, r.height());
  std::vector<Run> merged;
  for (const Run& r : runs) {
    if (!merged.empty()) {
      Run& last = merged.back();
      const int gap = r.begin - last.end;
      if (gap < kInnerGap * tallest &&
          r.end - last.begin <= kMaxMergedHeight * tallest) {
        last.end = r.end;
        continue;
      }
    }
    merged.push_back(r);
  }
  tallest = 0;
  for (const Run& r : merged) tallest = std::max(tallest, r.height());
  std::vector<Run> lines;
  for (const Run& r : merged)
    if (r.height() >= kMinLineShare * tallest) lines.push_back(r);
  return lines;
}

// Erases rows and columns near the edges that are mostly ink: the ruling
// lines around a cell that the region box did not quite exclude.
void EraseEdgeLines(cv::Mat& ink, int band) {
  const int rows_band = std::min(band, ink.rows / 4);
  const int cols_band = std::min(band, ink.cols / 4);
  for (int i = 0; i < rows_band; ++i)
    for (int y : {i, ink.rows - 1 - i})
      if (cv::countNonZero(ink.row(y)) > kLineCoverage * ink.cols)
        ink.row(y).setTo(0);
  for (int i = 0; i < cols_band; ++i)
    for (int x : {i, ink.cols - 1 - i})
      if (cv::countNonZero(ink.col(x)) > kLineCoverage * ink.rows)
        ink.col(x).setTo(0);
}

// The bounding box of component `i` of connectedComponentsWithStats.
cv::Rect ComponentBox(const cv::Mat& stats, int i) {
  return cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                  stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
}

// Clears the pixels of every component `labels` marks with a non-zero `drop`.
void EraseComponents(cv::Mat& ink, const cv::Mat& labels, const std::vector<uint8_t>& drop) {
  for (int y = 0; y < ink.rows; ++y) {
    const int* label = labels.ptr<int>(y);
    uint8_t* row = ink.ptr<uint8_t>(y);
    for (int x = 0; x < ink.cols; ++x)
      if (drop[label[x]]) row[x] = 0;
  }
}

// Removes specks, thin line fragments that touch the region's edge, and
// blobs lying wholly inside the edge band (line halo). A glyph is taller and
// wider than the band, so only stray dots of text near a line can be lost.
void RemoveNoiseComponents(cv::Mat& ink, int band, int speck_area) {
  cv::Mat labels, stats, centroids;
  const int count =
      cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8);
  std::vector<uint8_t> drop(count, 0);
  bool any = false;
  for (int i = 1; i < count; ++i) {
    const cv::Rect box = ComponentBox(stats, i);
    const int x = box.x, y = box.y, w = box.width, h = box.height;
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    const bool at_top_or_bottom = y == 0 || y + h == ink.rows;
    const bool at_left_or_right = x == 0 || x + w == ink.cols;
    const bool horizontal_fragment = at_top_or_bottom && h <= band && w >= 3 * h;
    const bool vertical_fragment = at_left_or_right && w <= band && h >= 3 * w;
    const bool in_band = x + w <= band || y + h <= band ||
                         x >= ink.cols - band || y >= ink.rows - band;
    if (area < speck_area || horizontal_fragment || vertical_fragment ||
        in_band) {
      drop[i] = 1;
      any = true;
    }
  }
  if (any) EraseComponents(ink, labels, drop);
}

// Where the ink of a region lies: its bounds, its text lines (relative to
// the bounds) and their median height.
struct InkLayout {
  cv::Rect bounds;
  std::vector<Run> lines;
  int line_height = 0;
};

InkLayout MeasureInk(const cv::Mat& ink) {
  InkLayout out;
  std::vector<cv::Point> points;
  cv::findNonZero(ink, points);
  if (points.empty()) return out;
  out.bounds = cv::boundingRect(points);
  out.lines = FindLines(ink(out.bounds));
  if (out.lines.empty()) return out;
  std::vector<int> heights;
  for (const Run& r : out.lines) heights.push_back(r.height());
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2,
                   heights.end());
  out.line_height = heights[heights.size() / 2];
  return out;
}

// Does the component's box hold paper that 4-connected paths cannot reach
// from the box's edge (the hole of a ring)?
bool HasHole(const cv::Mat& ink) {
  cv::Mat paper = ink == 0, labels;
  const int count = cv::connectedComponents(paper, labels, 4);
  std::vector<uint8_t> touches_edge(count, 0);
  for (int y = 0; y < labels.rows; ++y)
    for (int x = 0; x < labels.cols; ++x)
      if (y == 0 || x == 0 || y == labels.rows - 1 || x == labels.cols - 1)
        touches_edge[labels.at<int>(y, x)] = 1;
  for (int i = 1; i < count; ++i)
    if (!touches_edge[i]) return true;
  return false;
}

// Removes small or thin marks that stand apart from a region's glyphs:
// dust and ruling-line remnants that OCR reads as - . , : " at a line's
// ends, or as lines of their own. A mark is text when it lies within the
// glyphs' columns on a line with glyphs (a comma, a dot, a stroke, a 、
// wrapped to a line's start) and is no dust, when a
// chain of gaps shorter than kMarkGapEm links it to a glyph of its line (the
// 。 ending a line, the dots of "...", a “ opening a quote), or when it is
// a ring alone on its line (a wrapped 。). Dust above or below the rows
// of its line's glyphs is never text. Dust strewn around a short
// centred line made Tesseract drop that line (上海市…办 / 公室 read without
// 公室). A region of marks only keeps them. Returns whether any went.
bool DropIsolatedEdgeMarks(cv::Mat& ink, int line_height) {
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8);
  std::vector<cv::Rect> box(count);
  for (int i = 1; i < count; ++i) box[i] = ComponentBox(stats, i);
  const double em = line_height;
  auto same_line = [&](const cv::Rect& a, const cv::Rect& b) {
    return b.y <= a.y + a.height + em / 2 && b.y + b.height >= a.y - em / 2;
  };
  auto gap = [](const cv::Rect& a, const cv::Rect& b) {
    return std::max({0, b.x - (a.x + a.width), a.x - (b.x + b.width)});
  };
  // Glyphs and the marks linked to them so far are "text"; glyph_on_line:
  // a mark shares a line with glyphs (dust: and lies within their rows).
  std::vector<uint8_t> mark(count, 0), text(count, 0), glyph_on_line(count, 0);
  const int slack = static_cast<int>(kDustEm * em / 2);
  for (int i = 1; i < count; ++i) {
    mark[i] = box[i].width <= kMarkThinEm * em ||
              (box[i].width <= kMarkSmallEm * em && box[i].height <= kMarkSmallEm * em);
    text[i] = !mark[i];
  }
  // The glyphs' columns over all lines: a mark inside them is a comma, a
  // dot, a stroke of a character, or a 、 wrapped to the start of a line.
  int left = INT_MAX, right = INT_MIN;
  for (int j = 1; j < count; ++j)
    if (!mark[j]) {
      left = std::min(left, box[j].x);
      right = std::max(right, box[j].x + box[j].width);
    }
  if (left == INT_MAX) return false;  // only marks: they are the text
  for (int i = 1; i < count; ++i) {
    if (!mark[i]) continue;
    // The rows the glyphs of the mark's line span: dust above or below
    // them is no punctuation (the dot of 宣 or 主 lies within them).
    int top = INT_MAX, bottom = INT_MIN;
    for (int j = 1; j < count; ++j)
      if (!mark[j] && same_line(box[i], box[j])) {
        top = std::min(top, box[j].y);
        bottom = std::max(bottom, box[j].y + box[j].height);
      }
    const bool dust = box[i].width <= kDustEm * em && box[i].height <= kDustEm * em;
    const bool off_rows =
        box[i].y + box[i].height <= top - slack || box[i].y >= bottom + slack;
    glyph_on_line[i] = top != INT_MAX && !(dust && off_rows);
    text[i] = !dust && glyph_on_line[i] && box[i].x >= left && box[i].x + box[i].width <= right;
    // A ring alone on a line is a 。 wrapped there (see IsLoneFullStop).
    text[i] |= !glyph_on_line[i] && HasHole(ink(box[i]));
  }
  for (bool grew = true; grew;) {
    grew = false;
    for (int i = 1; i < count; ++i) {
      if (text[i] || !glyph_on_line[i]) continue;
      for (int j = 1; j < count; ++j)
        if (text[j] && same_line(box[i], box[j]) && gap(box[i], box[j]) < kMarkGapEm * em) {
          text[i] = grew = true;
          break;
        }
    }
  }
  std::vector<uint8_t> drop(count, 0);
  bool any = false;
  for (int i = 1; i < count; ++i) any |= drop[i] = mark[i] && !text[i];
  if (any) EraseComponents(ink, labels, drop);
  return any;
}

// Is the ink below the last text line a lone 。 (Tesseract drops it when it
// stands alone on a line)?
bool IsLoneFullStop(const cv::Mat& below, int line_height) {
  cv::Mat labels, stats, centroids;
  if (cv::connectedComponentsWithStats(below, labels, stats, centroids, 8) != 2)
    return false;
  const cv::Rect box = ComponentBox(stats, 1);
  auto small = [&](int extent) {
    return extent >= kMinStopShare * line_height && extent <= kMaxStopShare * line_height;
  };
  return small(box.width) && small(box.height) && box.x < line_height &&
         HasHole(below(box));
}

}  // namespace

PageImage OcrPageImage(const PageImage& grey, const PageImage& binary) {
  PageImage out = binary;
  if (grey.width != binary.width || grey.height != binary.height ||
      binary.empty())
    return out;
  const cv::Mat g(grey.height, grey.width, CV_8UC1,
                  const_cast<uint8_t*>(grey.pixels.data()));
  const cv::Mat b(binary.height, binary.width, CV_8UC1,
                  const_cast<uint8_t*>(binary.pixels.data()));
  // Paper tone varies slowly: estimated at a quarter of the resolution.
  const double px_per_mm = (binary.dpi > 0 ? binary.dpi : 300) / 25.4 / kPaperScaleDown;
  const int window =
      std::max(3, static_cast<int>(std::lround(kPaperWindowMm * px_per_mm)) | 1);
  cv::Mat small, paper;
  cv::resize(g, small, cv::Size(), 1.0 / kPaperScaleDown, 1.0 / kPaperScaleDown,
             cv::INTER_AREA);
  cv::morphologyEx(small, small, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(window, window)));
  cv::resize(small, paper, g.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat rim;  // 0 on ink and the pixels next to it
  cv::erode(b, rim, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  for (int y = 0; y < out.height; ++y) {
    const uint8_t* gr = g.ptr<uint8_t>(y);
    const uint8_t* pa = paper.ptr<uint8_t>(y);
    const uint8_t* bi = b.ptr<uint8_t>(y);
    const uint8_t* ri = rim.ptr<uint8_t>(y);
    uint8_t* o = out.pixels.data() + static_cast<size_t>(y) * out.width;
    for (int x = 0; x < out.width; ++x) {
      if (ri[x] != 0) {
        o[x] = 255;
        continue;
      }
      const int tone = std::min(255, gr[x] * 255 / std::max<int>(1, pa[x]));
      o[x] = static_cast<uint8_t>(bi[x] == 0 ? std::min(tone, kInkTone)
                                             : std::max(tone, kRimTone));
    }
  }
  return out;
}

PreparedRegion PrepareRegion(const PageImage& page, const Rect& region,
                             const RegionOptions& options) {
  PreparedRegion out;
  const double px_per_mm = (page.dpi > 0 ? page.dpi : 300) / 25.4;
  const int band = std::max(2, static_cast<int>(std::lround(kEdgeBandMm * px_per_mm)));
  const int speck_area =
      std::max(2, static_cast<int>(std::lround(std::pow(kSpeckMm * px_per_mm, 2))));
  const int dot = static_cast<int>(std::lround(kDotMm * px_per_mm));

  const cv::Mat whole(page.height, page.width, CV_8UC1,
                      const_cast<uint8_t*>(page.pixels.data()));
  cv::Mat crop =
      whole(cv::Rect(region.x, region.y, region.width, region.height)).clone();
  cv::Mat ink = crop < 128;
  const int ink_before = cv::countNonZero(ink);
  if (ink_before == 0) return out;
  EraseEdgeLines(ink, band);
  RemoveNoiseComponents(ink, band, speck_area);
  const int ink_after = cv::countNonZero(ink);
  if (ink_after < options.min_ink_fraction * crop.total() || ink_after == 0)
    return out;
  InkLayout measured = MeasureInk(ink);
  if (measured.lines.empty()) return out;
  if (DropIsolatedEdgeMarks(ink, measured.line_height)) measured = MeasureInk(ink);
  const cv::Rect bounds = measured.bounds;
  const std::vector<Run>& lines = measured.lines;
  if (lines.empty() || (bounds.width < dot && bounds.height < dot)) return out;

  // Erased ink becomes paper, its grey rim too; what is left keeps its
  // grey values.
  cv::Mat erased = (crop < 128) & ~ink;
  if (cv::countNonZero(erased) > 0) {
    cv::dilate(erased, erased, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    crop.setTo(255, erased & ~ink);
  }
  cv::Rect text_bounds = bounds;
  out.lines = static_cast<int>(lines.size());
  out.ink_width = bounds.width;
  out.line_height = measured.line_height;
  // The 。 may have passed as a line of its own.
  const bool last_is_mark =
      lines.size() >= 2 && lines.back().height() <= kMaxStopShare * out.line_height;
  const int text_end = lines[lines.size() - (last_is_mark ? 2 : 1)].end;
  if (text_end < bounds.height &&
      IsLoneFullStop(ink(bounds)(cv::Rect(0, text_end, bounds.width,
                                          bounds.height - text_end)),
                     out.line_height)) {
    out.trailing_full_stop = true;
    text_bounds.height = text_end;
    if (last_is_mark) --out.lines;
  }
  const cv::Mat trimmed = crop(text_bounds);

  const double scale =
      std::clamp(static_cast<double>(options.target_text_height_px) /
                     std::max(1, out.line_height),
                 kMinScale, kMaxScale);
  cv::Mat scaled;
  cv::resize(trimmed, scaled, cv::Size(), scale, scale,
             scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  if (scaled.empty()) return out;
  const int border = std::max(0, options.border_px);
  cv::Mat padded;
  cv::copyMakeBorder(scaled, padded, border, border, border, border,
                     cv::BORDER_CONSTANT, cv::Scalar(255));
  out.empty = false;
  out.width = padded.cols;
  out.height = padded.rows;
  out.pixels.assign(padded.datastart, padded.dataend);
  return out;
}

}  // namespace decltab::extract
