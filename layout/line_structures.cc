#include "layout/line_structures.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

#include "layout/cv_image.h"

namespace decltab::layout {
namespace {

// Merged cells bigger than this do not join frameless table parts.
constexpr double kMaxMergedGapMm = 40;
// Collinear pieces of one line differ in measured thickness by less than this
// factor (blur and dropout included).
constexpr double kSamePenRatio = 0.5;
// A long gap between collinear pieces that do not both meet other lines
// needs this share of it still inked (bits of line between dropouts).
constexpr double kMinGapRemains = 0.25;
constexpr double kMinLongGapRemains = 0.5;
// A line that stops short of a crossing line by more than the join
// tolerance still meets it when this share of the gap shows pieces of line
// (dropouts next to a crossing).
constexpr double kMinEndGapRemains = 0.5;
// A line bounding a table part covers at least this share of its width.
constexpr double kFullLineShare = 0.8;

// How far `pos` lies beyond [start, end): 0 inside.
int Beyond(double pos, int start, int end) {
  int at = static_cast<int>(std::lround(pos));
  return std::max({0, start - at, at - end});
}

// Whether pieces of line with paper beside them cover at least `min_share`
// of the stretch between the end of `s` and a crossing line at `target`.
bool GapBridged(const RulingLines& lines, bool horizontal, const LineSegment& s,
                double target, int dpi, const LayoutOptions& options,
                double min_share) {
  int at = static_cast<int>(std::lround(target));
  int from = at < s.start ? at : s.end, to = at < s.start ? s.start : at;
  const cv::Mat& pieces = horizontal ? lines.horizontal_pieces : lines.vertical_pieces;
  int band = static_cast<int>(std::ceil(s.thickness / 2)) + 1;
  int offset = ClearanceOffset(s.thickness, dpi, options);
  return LineCoverage(pieces, horizontal, s.pos, band, from, to, lines.ink,
                      offset) >= min_share;
}

// `h` and `v` meet within `tolerance`, or one or both stop short of the
// other by up to `reach` with what the scan left of the line in the gap.
bool MeetAcrossGaps(const LineSegment& h, const LineSegment& v, int tolerance,
                    int reach, const RulingLines& lines, int dpi,
                    const LayoutOptions& options) {
  int h_gap = Beyond(v.pos, h.start, h.end), v_gap = Beyond(h.pos, v.start, v.end);
  if (h_gap <= tolerance && v_gap <= tolerance) return true;
  if (h_gap > reach || v_gap > reach) return false;
  return (h_gap <= tolerance ||
          GapBridged(lines, true, h, v.pos, dpi, options, kMinEndGapRemains)) &&
         (v_gap <= tolerance ||
          GapBridged(lines, false, v, h.pos, dpi, options, kMinEndGapRemains));
}

// What the merge rules need to know about one structure.
struct Outline {
  int x0 = INT_MAX, x1 = INT_MIN, y0 = INT_MAX, y1 = INT_MIN;
  bool has_both = false;
  // Only horizontal or only vertical pieces, all on one line.
  bool lone_rule = false;
  // A ruling line runs along that side of the outline.
  bool left = false, right = false, top = false, bottom = false;
};

// Share of [lo, hi) that segments `indices` at about `pos` cover.
double LineShare(const std::vector<LineSegment>& all,
                 const std::vector<int>& indices, double pos, double snap,
                 int lo, int hi) {
  std::vector<std::pair<int, int>> spans;
  for (int i : indices)
    if (std::abs(all[i].pos - pos) <= snap)
      spans.emplace_back(std::max(lo, all[i].start), std::min(hi, all[i].end));
  std::sort(spans.begin(), spans.end());
  int covered = 0, reach = lo;
  for (auto [a, b] : spans) {
    a = std::max(a, reach);
    if (b > a) covered += b - a;
    reach = std::max(reach, b);
  }
  return hi > lo ? static_cast<double>(covered) / (hi - lo) : 0;
}

Outline Describe(const Structure& s, const RulingLines& lines, double snap,
                 int tolerance) {
  Outline o;
  o.has_both = !s.horizontal.empty() && !s.vertical.empty();
  for (int i : s.horizontal) {
    const LineSegment& h = lines.horizontal[i];
    o.x0 = std::min(o.x0, h.start);
    o.x1 = std::max(o.x1, h.end);
    o.y0 = std::min(o.y0, static_cast<int>(h.pos));
    o.y1 = std::max(o.y1, static_cast<int>(h.pos + 0.5));
  }
  for (int i : s.vertical) {
    const LineSegment& v = lines.vertical[i];
    o.y0 = std::min(o.y0, v.start);
    o.y1 = std::max(o.y1, v.end);
    o.x0 = std::min(o.x0, static_cast<int>(v.pos));
    o.x1 = std::max(o.x1, static_cast<int>(v.pos + 0.5));
  }
  o.lone_rule = !o.has_both && (s.vertical.empty() ? o.y1 - o.y0 : o.x1 - o.x0) <= tolerance;
  auto side = [&](const std::vector<LineSegment>& all,
                  const std::vector<int>& indices, int at, int lo, int hi) {
    for (int i : indices)
      if (std::abs(all[i].pos - at) <= tolerance)
        return LineShare(all, indices, all[i].pos, snap, lo, hi) >= kFullLineShare;
    return false;
  };
  o.left = side(lines.vertical, s.vertical, o.x0, o.y0, o.y1);
  o.right = side(lines.vertical, s.vertical, o.x1, o.y0, o.y1);
  o.top = side(lines.horizontal, s.horizontal, o.y0, o.x0, o.x1);
  o.bottom = side(lines.horizontal, s.horizontal, o.y1, o.x0, o.x1);
  return o;
}

bool Overlap(const Outline& a, const Outline& b, int tolerance) {
  return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > tolerance &&
         std::min(a.y1, b.y1) - std::max(a.y0, b.y0) > tolerance;
}

// `upper` and `lower` are parts of one frameless table split by a merged
// full-width row.
bool StackedParts(const Outline& upper, const Outline& lower, int tolerance,
                  int max_gap) {
  return !upper.left && !upper.right && !lower.left && !lower.right &&
         upper.bottom && lower.top && std::abs(upper.x0 - lower.x0) <= tolerance &&
         std::abs(upper.x1 - lower.x1) <= tolerance && lower.y0 > upper.y1 &&
         lower.y0 - upper.y1 <= max_gap;
}

bool SideBySideParts(const Outline& left, const Outline& right, int tolerance,
                     int max_gap) {
  return !left.top && !left.bottom && !right.top && !right.bottom &&
         left.right && right.left && std::abs(left.y0 - right.y0) <= tolerance &&
         std::abs(left.y1 - right.y1) <= tolerance && right.x0 > left.x1 &&
         right.x0 - left.x1 <= max_gap;
}

}  // namespace

DisjointSets::DisjointSets(int size) : parent_(static_cast<size_t>(size)) {
  std::iota(parent_.begin(), parent_.end(), 0);
}

int DisjointSets::Find(int i) {
  while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
  return i;
}

bool DisjointSets::Union(int a, int b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return false;
  parent_[std::max(a, b)] = std::min(a, b);
  return true;
}

std::vector<Structure> FindStructures(const RulingLines& lines, int dpi,
                                      const LayoutOptions& options) {
  int tolerance = MmToPx(options.join_tolerance_mm, dpi, 2);
  int max_gap = MmToPx(options.max_line_gap_mm, dpi, 2);
  double snap = std::max(1.0, options.snap_mm * dpi / 25.4);
  int nh = static_cast<int>(lines.horizontal.size());
  int nv = static_cast<int>(lines.vertical.size());
  DisjointSets sets(nh + nv);
  std::vector<bool> meets(static_cast<size_t>(nh + nv), false);
  for (int i = 0; i < nh; ++i)
    for (int j = 0; j < nv; ++j)
      if (MeetAcrossGaps(lines.horizontal[i], lines.vertical[j], tolerance,
                         max_gap, lines, dpi, options)) {
        sets.Union(i, nh + j);
        meets[i] = meets[nh + j] = true;
      }
  // Pieces of one broken line belong together even where no line crosses
  // (a scanner can lose a line at a crossing). Short gaps always join;
  // longer ones only between pieces that meet other lines or are long, or
  // with bits of line left in the gap (several dropouts in a row), so a
  // glyph stroke in line with a column line stays apart.
  // Beyond max_gap, only a line mostly still there (broken into bits
  // shorter than a segment) joins.
  int max_line = std::max(lines.ink.cols, lines.ink.rows);
  int long_piece = MmToPx(std::max(options.min_hline_mm, options.min_vline_mm), dpi);
  auto join_collinear = [&](const std::vector<LineSegment>& segments, int base,
                            bool horizontal, bool long_gaps) {
    for (size_t i = 0; i < segments.size(); ++i)
      for (size_t j = i + 1; j < segments.size(); ++j) {
        const LineSegment& a = segments[i];
        const LineSegment& b = segments[j];
        if (b.pos - a.pos > snap) break;  // sorted by pos
        // Pieces of one line are drawn with one pen; a thin glyph stroke
        // that happens to sit in line with a ruling line is not one.
        bool same_pen = std::min(a.thickness, b.thickness) >=
                        kSamePenRatio * std::max(a.thickness, b.thickness);
        int gap_from = std::min(a.end, b.end), gap_to = std::max(a.start, b.start);
        int gap = gap_to - gap_from;
        int ia = base + static_cast<int>(i), ib = base + static_cast<int>(j);
        if (!same_pen || gap > (long_gaps ? max_line : tolerance)) continue;
        // Trusted: pieces that meet another line, or too long for a glyph
        // stroke.
        auto trusted = [&](const LineSegment& piece, int id) {
          return meets[sets.Find(id)] || piece.length() >= long_piece;
        };
        bool both_trusted = trusted(a, ia) && trusted(b, ib);
        if (gap > tolerance && (gap > max_gap || !both_trusted)) {
          // What is left of the line in the gap decides: bits too short to
          // be segments (a segment in the gap would be a closer partner).
          int band = static_cast<int>(std::ceil(std::max(a.thickness, b.thickness) / 2));
          double remains = LineCoverage(lines.loose_ink, horizontal, (a.pos + b.pos) / 2,
                                        band, gap_from, gap_to);
          if (remains < (gap > max_gap ? kMinLongGapRemains : kMinGapRemains))
            continue;
          // What is left may be other parts of the line, not bits: two
          // tables stacked in line have their borders there, with the gap
          // between the tables empty. Bits leave no hole a line's
          // dropout could not (two ends no more than max_gap apart).
          if (gap > max_gap &&
              LongestHole(lines.loose_ink, horizontal, (a.pos + b.pos) / 2, band,
                          gap_from, gap_to) > max_gap)
            continue;
        }
        sets.Union(ia, ib);
      }
  };
  for (bool long_gaps : {false, true}) {
    if (long_gaps) {
      // Whether each set of joined pieces meets a crossing line anywhere.
      for (int i = 0; i < nh + nv; ++i)
        if (meets[i]) meets[sets.Find(i)] = true;
    }
    join_collinear(lines.horizontal, 0, true, long_gaps);
    join_collinear(lines.vertical, nh, false, long_gaps);
  }

  // Merge whole structures until no rule applies.
  int merged_gap = MmToPx(kMaxMergedGapMm, dpi);
  for (bool changed = true; changed;) {
    changed = false;
    std::vector<int> roots;
    std::vector<Structure> parts(static_cast<size_t>(nh + nv));
    for (int i = 0; i < nh + nv; ++i) {
      int root = sets.Find(i);
      if (root == i) roots.push_back(i);
      if (i < nh) {
        parts[root].horizontal.push_back(i);
      } else {
        parts[root].vertical.push_back(i - nh);
      }
    }
    std::vector<Outline> outlines;
    for (int root : roots) outlines.push_back(Describe(parts[root], lines, snap, tolerance));
    for (size_t a = 0; a < roots.size() && !changed; ++a)
      for (size_t b = 0; b < roots.size() && !changed; ++b) {
        const Outline& p = outlines[a];
        const Outline& q = outlines[b];
        // A lone rule joins a table as a part of it; two never make one.
        const bool tables = p.has_both && q.has_both;
        if (a == b || !(tables || (p.has_both && q.lone_rule) ||
                        (p.lone_rule && q.has_both)))
          continue;
        if ((tables && a < b && Overlap(p, q, tolerance)) ||
            StackedParts(p, q, tolerance, merged_gap) ||
            SideBySideParts(p, q, tolerance, merged_gap))
          changed = sets.Union(roots[a], roots[b]);
      }
  }

  std::vector<int> slot(static_cast<size_t>(nh + nv), -1);
  std::vector<Structure> structures;
  for (int i = 0; i < nh + nv; ++i) {
    int root = sets.Find(i);
    if (slot[root] < 0) {
      slot[root] = static_cast<int>(structures.size());
      structures.emplace_back();
    }
    Structure& s = structures[slot[root]];
    if (i < nh) {
      s.horizontal.push_back(i);
    } else {
      s.vertical.push_back(i - nh);
    }
  }
  return structures;
}

}  // namespace decltab::layout
