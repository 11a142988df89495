#include "layout/ruling_lines.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "layout/binarize.h"
#include "layout/cv_image.h"

namespace decltab::layout {
namespace {

// Row-wise: closes gaps shorter than `bridge` between ink runs, then keeps
// runs at least `piece` long in `pieces` and at least `min_run` long in
// `strict` (255). Equal to a closing with a 1 x bridge kernel followed by
// openings with 1 x piece and 1 x min_run kernels, in one linear pass
// instead of O(kernel) work per pixel.
void FilterRuns(const cv::Mat& ink, int bridge, int piece, int min_run,
                cv::Mat* pieces, cv::Mat* strict) {
  *pieces = cv::Mat::zeros(ink.size(), CV_8U);
  *strict = cv::Mat::zeros(ink.size(), CV_8U);
  for (int y = 0; y < ink.rows; ++y) {
    const uint8_t* in = ink.ptr<uint8_t>(y);
    uint8_t* p = pieces->ptr<uint8_t>(y);
    uint8_t* s = strict->ptr<uint8_t>(y);
    int x = 0;
    while (x < ink.cols) {
      if (!in[x]) {
        ++x;
        continue;
      }
      // A run of ink, extended across gaps shorter than `bridge`.
      int start = x, end = x + 1;  // [start, end) ends on ink
      int probe = end;
      while (probe < ink.cols) {
        if (in[probe]) {
          end = ++probe;
        } else if (probe - end + 1 >= bridge) {
          break;
        } else {
          ++probe;
        }
      }
      int length = end - start;
      if (length >= piece) std::fill(p + start, p + end, 255);
      if (length >= min_run) std::fill(s + start, s + end, 255);
      x = end;
    }
  }
}

// Components of `mask` as segments of one orientation.
std::vector<LineSegment> Segments(const cv::Mat& mask, bool horizontal) {
  cv::Mat labels, stats, centroids;
  int count = cv::connectedComponentsWithStats(mask, labels, stats, centroids,
                                               8, CV_32S);
  std::vector<LineSegment> segments;
  for (int label = 1; label < count; ++label) {
    int x = stats.at<int>(label, cv::CC_STAT_LEFT);
    int y = stats.at<int>(label, cv::CC_STAT_TOP);
    int w = stats.at<int>(label, cv::CC_STAT_WIDTH);
    int h = stats.at<int>(label, cv::CC_STAT_HEIGHT);
    int area = stats.at<int>(label, cv::CC_STAT_AREA);
    LineSegment s;
    if (horizontal) {
      s.pos = centroids.at<double>(label, 1);
      s.start = x;
      s.end = x + w;
    } else {
      s.pos = centroids.at<double>(label, 0);
      s.start = y;
      s.end = y + h;
    }
    s.thickness = static_cast<double>(area) / std::max(1, s.length());
    segments.push_back(s);
  }
  std::sort(segments.begin(), segments.end(),
            [](const LineSegment& a, const LineSegment& b) {
              return a.pos != b.pos ? a.pos < b.pos : a.start < b.start;
            });
  return segments;
}

// A stretch [from, to) along a line at `centre`, clamped to an image whose
// extent along the line is `limit`, and the band [lo, hi) across the line.
struct Stretch {
  int from, to, limit, centre, lo, hi;
};

Stretch ClampStretch(cv::Size size, bool horizontal, double pos, int band,
                     int from, int to) {
  Stretch s;
  s.limit = horizontal ? size.width : size.height;
  const int across_limit = horizontal ? size.height : size.width;
  s.from = std::max(from, 0);
  s.to = std::min(to, s.limit);
  s.centre = static_cast<int>(std::lround(pos));
  s.lo = std::max(0, s.centre - band);
  s.hi = std::min(across_limit, s.centre + band + 1);
  return s;
}

// Share of [from, to) that `profile` (indexed from `from`) covers, with
// LineCoverage's rules for `ink`, `offset` and `found`.
double ProfileCoverage(const uint8_t* p, bool horizontal, int centre, int from,
                       int to, const cv::Mat& ink, int offset,
                       const std::vector<std::pair<int, int>>& found) {
  int across_limit = horizontal ? ink.rows : ink.cols;
  std::vector<bool> on_line(static_cast<size_t>(to - from), false);
  for (auto [start, end] : found)
    for (int i = std::max(start, from); i < std::min(end, to); ++i)
      on_line[i - from] = true;
  bool check_sides = !ink.empty() && offset > 0 && centre - offset >= 0 &&
                     centre + offset < across_limit;
  int covered = 0;
  for (int i = from; i < to; ++i) {
    if (on_line[i - from]) {
      ++covered;
      continue;
    }
    if (!p[i - from]) continue;
    if (check_sides) {
      bool before = horizontal ? ink.at<uint8_t>(centre - offset, i)
                               : ink.at<uint8_t>(i, centre - offset);
      bool after = horizontal ? ink.at<uint8_t>(centre + offset, i)
                              : ink.at<uint8_t>(i, centre + offset);
      if (before || after) continue;
    }
    ++covered;
  }
  return static_cast<double>(covered) / (to - from);
}

// 1 x (s.to - s.from): non-zero where `mask` has a pixel across the band of
// `s` (s.to > s.from, s.hi > s.lo).
cv::Mat BandProfile(const cv::Mat& mask, const Stretch& s, bool horizontal) {
  cv::Mat strip = horizontal ? mask(cv::Range(s.lo, s.hi), cv::Range(s.from, s.to))
                             : mask(cv::Range(s.from, s.to), cv::Range(s.lo, s.hi));
  cv::Mat profile;
  cv::reduce(strip, profile, horizontal ? 0 : 1, cv::REDUCE_MAX);
  return horizontal ? profile : cv::Mat(profile.t());
}

}  // namespace

int ClearanceOffset(double thickness, int dpi, const LayoutOptions& options) {
  return static_cast<int>(std::ceil(thickness / 2)) +
         MmToPx(options.line_clearance_mm, dpi, 1);
}

SideInk MeasureSideInk(const cv::Mat& ink, bool horizontal, double pos,
                       int offset, int from, int to) {
  int limit = horizontal ? ink.cols : ink.rows;
  int across = horizontal ? ink.rows : ink.cols;
  from = std::max(from, 0);
  to = std::min(to, limit);
  SideInk side;
  if (to <= from) return side;
  int centre = static_cast<int>(std::lround(pos));
  int before = centre - offset, after = centre + offset;
  if (before < 0 || after >= across) {  // at the page edge: no text there
    side.longest_clear = to - from;
    return side;
  }
  int beside = 0, clear = 0;
  for (int i = from; i < to; ++i) {
    bool a = horizontal ? ink.at<uint8_t>(before, i) : ink.at<uint8_t>(i, before);
    bool b = horizontal ? ink.at<uint8_t>(after, i) : ink.at<uint8_t>(i, after);
    if (a || b) {
      ++beside;
      clear = 0;
    } else {
      side.longest_clear = std::max(side.longest_clear, ++clear);
    }
  }
  side.share = static_cast<double>(beside) / (to - from);
  return side;
}

RulingLines FindRulingLines(const cv::Mat& ink, int dpi,
                            const LayoutOptions& options) {
  RulingLines lines;
  lines.ink = ink;
  int bridge = MmToPx(options.line_bridge_mm, dpi, 2);
  int piece = MmToPx(options.line_piece_mm, dpi, 3);
  lines.line_mask = cv::Mat::zeros(ink.size(), CV_8U);
  cv::Mat transposed;
  cv::transpose(ink, transposed);
  std::vector<LineSegment> found[2];  // horizontal, vertical
  for (bool horizontal : {true, false}) {
    int min_length = MmToPx(
        horizontal ? options.min_hline_mm : options.min_vline_mm, dpi, 8);
    cv::Mat pieces, strict;
    FilterRuns(horizontal ? ink : transposed, bridge, piece, min_length,
               &pieces, &strict);
    if (!horizontal) {
      cv::transpose(pieces, pieces);
      cv::transpose(strict, strict);
    }
    found[horizontal ? 0 : 1] = Segments(strict, horizontal);
    lines.line_mask |= strict;
    (horizontal ? lines.horizontal_pieces : lines.vertical_pieces) = pieces;
  }
  // Strokes of a text line bridged into one long run have ink right above
  // or below them; a ruling line has paper on both sides along most of its
  // length.
  auto side_ink = [&](const cv::Mat& beside, bool horizontal, const LineSegment& s) {
    int offset = ClearanceOffset(s.thickness, dpi, options);
    return MeasureSideInk(beside, horizontal, s.pos, offset, s.start, s.end);
  };
  std::vector<bool> keep[2];
  cv::Mat ruled = cv::Mat::zeros(ink.size(), CV_8U);
  for (int d : {0, 1})
    for (const LineSegment& s : found[d]) {
      keep[d].push_back(side_ink(ink, d == 0, s).share <= options.max_side_ink);
      if (!keep[d].back()) continue;
      int half = static_cast<int>(std::ceil(s.thickness / 2)) + 1;
      int centre = static_cast<int>(std::lround(s.pos));
      cv::Rect area = d == 0 ? cv::Rect(s.start, centre - half, s.length(), 2 * half + 1)
                             : cv::Rect(centre - half, s.start, 2 * half + 1, s.length());
      ruled(area & cv::Rect(0, 0, ink.cols, ink.rows)).setTo(255);
    }
  // A line beside a narrow column packed with text has ink beside it along
  // much of its length, but paper on both sides along one stretch longer
  // than bridged glyph strokes ever show; lines crossing or meeting it (the
  // ones kept so far) do not end such a stretch.
  cv::Mat unruled;
  cv::bitwise_and(ink, ~ruled, unruled);
  int clear_stretch = MmToPx(options.clear_stretch_mm, dpi);
  for (int d : {0, 1}) {
    std::vector<LineSegment>& kept = d == 0 ? lines.horizontal : lines.vertical;
    for (size_t i = 0; i < found[d].size(); ++i) {
      const LineSegment& s = found[d][i];
      if (keep[d][i] || side_ink(unruled, d == 0, s).longest_clear >= clear_stretch)
        kept.push_back(s);
    }
  }
  cv::bitwise_and(ink, ~lines.line_mask, lines.loose_ink);
  return lines;
}

double LineCoverage(const cv::Mat& pieces, bool horizontal, double pos,
                    int band, int from, int to, const cv::Mat& ink,
                    int offset, const std::vector<std::pair<int, int>>& found) {
  const Stretch s = ClampStretch(pieces.size(), horizontal, pos, band, from, to);
  if (s.to <= s.from) return 1;
  if (s.hi <= s.lo) return 0;
  // Any covered pixel across the band covers that position along the line.
  const cv::Mat profile = BandProfile(pieces, s, horizontal);
  return ProfileCoverage(profile.ptr<uint8_t>(0), horizontal, s.centre, s.from,
                         s.to, ink, offset, found);
}

int LongestHole(const cv::Mat& mask, bool horizontal, double pos, int band,
                int from, int to) {
  const Stretch s = ClampStretch(mask.size(), horizontal, pos, band, from, to);
  if (s.to <= s.from) return 0;
  if (s.hi <= s.lo) return s.to - s.from;
  const cv::Mat profile = BandProfile(mask, s, horizontal);
  int longest = 0, run = 0;
  for (int i = 0; i < profile.cols; ++i) {
    run = profile.at<uint8_t>(0, i) ? 0 : run + 1;
    longest = std::max(longest, run);
  }
  return longest;
}

double FaintLineCoverage(const RulingLines& lines, bool horizontal, double pos,
                         int band, int from, int to, int offset,
                         const std::vector<std::pair<int, int>>& found, int dpi,
                         const LayoutOptions& options) {
  if (lines.grey.empty()) return 0;
  const Stretch s = ClampStretch(lines.grey.size(), horizontal, pos, band, from, to);
  if (s.to <= s.from) return 1;
  if (s.hi <= s.lo) return 0;
  // Runs are measured a piece's length beyond the stretch, so a piece
  // crossing its end keeps its full length.
  int bridge = MmToPx(options.line_bridge_mm, dpi, 2);
  int piece = MmToPx(options.line_piece_mm, dpi, 3);
  int a = std::max(0, s.from - piece), b = std::min(s.limit, s.to + piece);
  cv::Rect area = horizontal ? cv::Rect(a, s.lo, b - a, s.hi - s.lo)
                             : cv::Rect(s.lo, a, s.hi - s.lo, b - a);
  cv::Mat faint = BinarizeArea(lines.grey, area, dpi, options, lines.faint_offset);
  cv::Mat strip = horizontal ? faint : cv::Mat(faint.t());
  cv::Mat pieces, unused, profile;
  FilterRuns(strip, bridge, piece, piece, &pieces, &unused);
  cv::reduce(pieces, profile, 0, cv::REDUCE_MAX);
  return ProfileCoverage(profile.ptr<uint8_t>(0) + (s.from - a), horizontal,
                         s.centre, s.from, s.to, lines.ink, offset, found);
}

}  // namespace decltab::layout
