#include "layout/grid_builder.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include <opencv2/imgproc.hpp>

#include "layout/cv_image.h"
#include "layout/line_structures.h"

namespace decltab::layout {
namespace {

// Cell edges are measured over at least this length (a dropout in a broken
// line is shorter).
constexpr double kMinEdgeMm = 4.0;

// How far a ruling line may wander from its mean position along its length.
constexpr double kLineDriftMm = 0.25;

// A line a scan broke into pieces too short to be found as segments is
// looked for between each pair of neighbouring crossing lines: its pieces
// cover this share of that stretch, with paper beside them, ...
constexpr double kBrokenLineCoverage = 0.6;
// ... come this close to the crossing lines at both ends, ...
constexpr double kBrokenLineReachMm = 1.0;
// ... and lie at least this far from every other grid line. Within this
// distance beside it (past the line's own clearance), ink shows along at
// most kMaxCrowded of the stretch: the strokes of a text line, bridged into
// a run along its foot, have the glyphs' bodies there.
constexpr double kMinCellMm = 3.0;
constexpr double kCrowdMm = 1.0;
constexpr double kMaxCrowded = 0.3;

// An edge whose line a scan left only bits of (a dash, a stub) still
// exists when such bits, with no ink within kCrowdMm beside them, cover
// this share of it: glyph strokes on a merged cell's hidden line have the
// rest of their glyph beside them.
constexpr double kBitsCoverage = 0.2;

// An edge whose line shows over at least this share of it, but less than
// the edge test asks, is faint: it parts two cells still when without it
// they would make a cell that is no rectangle (a line the scan thinned
// beside a cell merged over two rows).
constexpr double kFaintEdgeCoverage = 0.25;

// One grid line of a table: the snapped position of its segments and their
// extents along it, or an edge inferred from the extent of the other lines
// (thickness 0, not real).
struct GridLine {
  double pos = 0;
  double thickness = 0;
  bool real = false;
  std::vector<std::pair<int, int>> runs;
};

// Grid cell rectangle in grid-line indices, ends exclusive.
struct Span {
  int row0, col0, row1, col1;
};

// Collinear segments within `snap` of a line's (length-weighted) position
// are that line.
std::vector<GridLine> SnapLines(const std::vector<LineSegment>& all,
                                const std::vector<int>& indices, double snap) {
  std::vector<const LineSegment*> segments;
  for (int i : indices) segments.push_back(&all[i]);
  std::sort(segments.begin(), segments.end(),
            [](const LineSegment* a, const LineSegment* b) {
              return a->pos < b->pos;
            });
  std::vector<GridLine> lines;
  double weight = 0;
  for (const LineSegment* s : segments) {
    double w = std::max(1, s->length());
    if (lines.empty() || s->pos - lines.back().pos > snap) {
      lines.push_back(GridLine{s->pos, s->thickness, true, {}});
      weight = 0;
    }
    GridLine& line = lines.back();
    line.runs.emplace_back(s->start, s->end);
    line.pos = (line.pos * weight + s->pos * w) / (weight + w);
    line.thickness = (line.thickness * weight + s->thickness * w) / (weight + w);
    weight += w;
  }
  return lines;
}

// Unions grid positions until every set is the rectangle it spans (an
// L-shaped set, from a boundary seen only in part, takes in its bounding box).
std::vector<Span> RectangularCells(DisjointSets& sets, int rows, int cols) {
  bool changed = true;
  std::vector<Span> boxes(static_cast<size_t>(rows * cols));
  while (changed) {
    changed = false;
    std::vector<bool> seen(boxes.size(), false);
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        int root = sets.Find(r * cols + c);
        Span& b = boxes[root];
        if (!seen[root]) {
          b = Span{r, c, r + 1, c + 1};
          seen[root] = true;
        } else {
          b = Span{std::min(b.row0, r), std::min(b.col0, c),
                   std::max(b.row1, r + 1), std::max(b.col1, c + 1)};
        }
      }
    for (size_t root = 0; root < boxes.size(); ++root) {
      if (!seen[root]) continue;
      const Span b = boxes[root];
      for (int r = b.row0; r < b.row1; ++r)
        for (int c = b.col0; c < b.col1; ++c)
          changed |= sets.Union(static_cast<int>(root), r * cols + c);
    }
  }
  std::vector<Span> cells;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      if (sets.Find(r * cols + c) == r * cols + c) cells.push_back(boxes[r * cols + c]);
  return cells;
}

// Drops grid lines no cell starts or ends at (a line drawn in another table
// part that every cell here spans, or a stray stroke) and renumbers spans.
void DropUnusedLines(std::vector<GridLine>* rows, std::vector<GridLine>* cols,
                     std::vector<Span>* cells) {
  std::vector<bool> keep_row(rows->size(), false), keep_col(cols->size(), false);
  keep_row.front() = keep_row.back() = keep_col.front() = keep_col.back() = true;
  for (const Span& s : *cells) {
    keep_row[s.row0] = keep_row[s.row1] = true;
    keep_col[s.col0] = keep_col[s.col1] = true;
  }
  auto renumber = [](std::vector<GridLine>* lines, const std::vector<bool>& keep) {
    std::vector<int> index(lines->size());
    std::vector<GridLine> kept;
    for (size_t i = 0; i < lines->size(); ++i) {
      index[i] = static_cast<int>(kept.size());
      if (keep[i]) kept.push_back((*lines)[i]);
    }
    *lines = kept;
    return index;
  };
  std::vector<int> row_index = renumber(rows, keep_row);
  std::vector<int> col_index = renumber(cols, keep_col);
  for (Span& s : *cells)
    s = Span{row_index[s.row0], col_index[s.col0], row_index[s.row1],
             col_index[s.col1]};
}

int Near(double inner_edge_pos, double half, int direction) {
  return static_cast<int>(std::lround(inner_edge_pos + direction * half));
}

// 255 at the positions of [from, to) along a line at `pos` (a 1 x n row)
// where `mat` has a non-zero pixel between `near` and `far` pixels from the
// line on either side (near = far = 0: on the line itself).
cv::Mat Beside(const cv::Mat& mat, bool horizontal, double pos, int near,
               int far, int from, int to) {
  const int centre = static_cast<int>(std::lround(pos));
  const int across = horizontal ? mat.rows : mat.cols;
  cv::Mat beside = cv::Mat::zeros(1, to - from, CV_8U);
  for (int side : {-1, 1}) {
    int a = std::clamp(centre + side * near, 0, across - 1);
    int b = std::clamp(centre + side * far, 0, across - 1);
    cv::Range band(std::min(a, b), std::max(a, b) + 1), along(from, to);
    cv::Mat profile;
    if (horizontal) {
      cv::reduce(mat(band, along), profile, 0, cv::REDUCE_MAX);
    } else {
      cv::reduce(mat(along, band), profile, 1, cv::REDUCE_MAX);
      profile = profile.t();
    }
    beside |= profile;
  }
  return beside;
}

double Share(const cv::Mat& row) {
  return row.cols > 0 ? cv::countNonZero(row) / static_cast<double>(row.cols) : 0;
}

// LineCoverage of [from, to) by a line at `pos`, or 0 when ink lies within
// `crowd` past the clearance `offset` beside it along more than kMaxCrowded
// of the stretch (glyph bodies: the pieces are strokes of a text line).
double UncrowdedCoverage(const RulingLines& lines, bool horizontal, double pos,
                         int band, int from, int to, int offset, int crowd,
                         const std::vector<std::pair<int, int>>& found) {
  if (Share(Beside(lines.ink, horizontal, pos, offset, offset + crowd, from, to)) >
      kMaxCrowded)
    return 0;
  return LineCoverage(horizontal ? lines.horizontal_pieces : lines.vertical_pieces,
                      horizontal, pos, band, from, to, lines.ink, offset, found);
}

// Share of [from, to) along a line at `pos` showing bits of line: pieces
// on the line's band (+-band) where all ink within `reach` across the line
// lies in that band and belongs to thin marks. A glyph's foot on the line
// belongs to a glyph reaching far across it.
double BitsOfLineShare(const RulingLines& lines, bool horizontal, double pos,
                       int band, int reach, int from, int to) {
  const int centre = static_cast<int>(std::lround(pos));
  const int across = horizontal ? lines.ink.rows : lines.ink.cols;
  const int lo = std::max(0, centre - reach), hi = std::min(across, centre + reach + 1);
  if (hi <= lo || to <= from) return 0;
  // Rows of `near` run across the line, columns along it.
  cv::Mat near = horizontal ? lines.ink(cv::Range(lo, hi), cv::Range(from, to))
                            : cv::Mat(lines.ink(cv::Range(from, to), cv::Range(lo, hi)).t());
  cv::Mat labels, stats, centroids;
  int count = cv::connectedComponentsWithStats(near, labels, stats, centroids, 8, CV_32S);
  std::vector<bool> thin(static_cast<size_t>(count), false);
  for (int i = 1; i < count; ++i)
    thin[i] = stats.at<int>(i, cv::CC_STAT_HEIGHT) <= 2 * band + 1;
  cv::Mat on_line = Beside(horizontal ? lines.horizontal_pieces : lines.vertical_pieces,
                           horizontal, pos, 0, band, from, to);
  const int band_lo = centre - band - lo, band_hi = centre + band - lo;
  int bits = 0;
  for (int i = 0; i < to - from; ++i) {
    if (!on_line.at<uint8_t>(0, i)) continue;
    bool bit = true;
    for (int r = 0; r < near.rows && bit; ++r) {
      int label = labels.at<int>(r, i);
      if (label == 0) continue;
      bit = r >= band_lo && r <= band_hi && thin[label];
    }
    bits += bit;
  }
  return static_cast<double>(bits) / (to - from);
}

// Adds to `along` (horizontal grid lines when `horizontal`, sorted) the lines
// that have no segment because a scan broke them into pieces shorter than a
// segment's minimum: a line one cell long can be lost whole that way. Each
// stretch between neighbouring `across` lines is searched for a position
// where pieces (with a pixel of drift) cover most of the stretch and reach
// both its ends; the edge test then judges the new line cell by cell.
void AddBrokenLines(bool horizontal, const std::vector<GridLine>& across,
                    std::vector<GridLine>* along, const RulingLines& lines,
                    int dpi, const LayoutOptions& options) {
  const cv::Mat& pieces =
      horizontal ? lines.horizontal_pieces : lines.vertical_pieces;
  const int min_edge = MmToPx(kMinEdgeMm, dpi);
  const int reach = MmToPx(kBrokenLineReachMm, dpi);
  const int crowd = MmToPx(kCrowdMm, dpi);
  const double min_cell = kMinCellMm * dpi / 25.4;
  double thickness = 0;
  int real = 0;
  for (const GridLine& l : *along)
    if (l.real) thickness += l.thickness, ++real;
  thickness = real > 0 ? thickness / real : 1;
  const int offset = ClearanceOffset(thickness, dpi, options);
  const int lo = static_cast<int>(std::ceil(along->front().pos + min_cell));
  const int hi = static_cast<int>(std::floor(along->back().pos - min_cell));
  if (hi <= lo) return;
  std::vector<double> found;
  for (size_t a = 0; a + 1 < across.size(); ++a) {
    int from = Near(across[a].pos, across[a].thickness / 2 + 1, +1);
    int to = Near(across[a + 1].pos, across[a + 1].thickness / 2 + 1, -1);
    if (to - from < min_edge) continue;
    // Rows of `strip` run along the stretch, one per position across it.
    cv::Mat strip = horizontal ? pieces(cv::Range(lo, hi), cv::Range(from, to))
                               : cv::Mat(pieces(cv::Range(from, to), cv::Range(lo, hi)).t());
    cv::Mat drift;
    cv::dilate(strip, drift, cv::Mat::ones(3, 1, CV_8U));
    int best = -1, run_start = 0;
    double best_cover = 0;
    auto take = [&](int run_end) {
      if (best < 0) return;
      // Placed where, across the run of positions the pieces cover, they show
      // most line with paper beside it: the best-covered position of the
      // drift mask can be the side of a line a few pixels thick, with the
      // line's own ink beside it.
      double pos = lo + best, clear = -1;
      for (int i = run_start; i < run_end; ++i) {
        const double c = UncrowdedCoverage(lines, horizontal, lo + i, 1, from, to,
                                           offset, crowd, {});
        if (c > clear) clear = c, pos = lo + i;
      }
      auto far = [&](double other) { return std::abs(other - pos) >= min_cell; };
      const bool apart =
          std::all_of(along->begin(), along->end(),
                      [&](const GridLine& l) { return far(l.pos); }) &&
          std::all_of(found.begin(), found.end(), far);
      const cv::Mat row = drift.row(best);
      const int n = to - from;
      const bool reaches = cv::countNonZero(row.colRange(0, std::min(reach, n))) > 0 &&
                           cv::countNonZero(row.colRange(std::max(0, n - reach), n)) > 0;
      if (apart && reaches && clear >= kBrokenLineCoverage) found.push_back(pos);
      best = -1;
      best_cover = 0;
    };
    for (int i = 0; i < drift.rows; ++i) {
      double cover = cv::countNonZero(drift.row(i)) / static_cast<double>(to - from);
      if (cover < kBrokenLineCoverage) {
        take(i);
        run_start = i + 1;
      } else if (cover > best_cover) {
        best = i;
        best_cover = cover;
      }
    }
    take(drift.rows);
  }
  for (double pos : found) along->push_back(GridLine{pos, thickness, true, {}});
  std::sort(along->begin(), along->end(),
            [](const GridLine& x, const GridLine& y) { return x.pos < y.pos; });
}

// Whether the grid positions of the sets of `a` and `b` together fill
// their bounding rectangle.
bool UnionIsRectangle(DisjointSets& sets, int a, int b, int nrows, int ncols) {
  const int ra = sets.Find(a), rb = sets.Find(b);
  int count = 0, r0 = nrows, r1 = -1, c0 = ncols, c1 = -1;
  for (int i = 0; i < nrows * ncols; ++i) {
    const int root = sets.Find(i);
    if (root != ra && root != rb) continue;
    ++count;
    r0 = std::min(r0, i / ncols);
    r1 = std::max(r1, i / ncols);
    c0 = std::min(c0, i % ncols);
    c1 = std::max(c1, i % ncols);
  }
  return count == (r1 - r0 + 1) * (c1 - c0 + 1);
}

// Joins the grid positions across each faint edge (`faint` pairs) where
// the two cells together make a rectangle, until no more join: a merged
// cell's hidden line that glyph strokes cross goes, a faint line that
// keeps two cells from making an L stays.
void JoinAcrossFaintEdges(const std::vector<std::pair<int, int>>& faint, int nrows,
                          int ncols, DisjointSets& sets) {
  for (bool joined = true; joined;) {
    joined = false;
    for (const auto& [p, q] : faint)
      if (sets.Find(p) != sets.Find(q) && UnionIsRectangle(sets, p, q, nrows, ncols)) {
        sets.Union(p, q);
        joined = true;
      }
  }
}

// Decides which edges of a table's grid exist: whether the ruling line
// between two grid nodes really runs there (with paper beside it), and
// whether a missing edge is faint rather than absent. `rows` and `cols` are
// the table's grid lines, frame included.
class EdgeJudge {
 public:
  EdgeJudge(const RulingLines& lines, const std::vector<GridLine>& rows,
            const std::vector<GridLine>& cols, int dpi,
            const LayoutOptions& options)
      : lines_(lines),
        rows_(rows),
        cols_(cols),
        dpi_(dpi),
        options_(options),
        min_edge_(MmToPx(kMinEdgeMm, dpi)),
        crowd_(MmToPx(kCrowdMm, dpi)),
        drift_(MmToPx(kLineDriftMm, dpi)) {}

  // Does the edge on grid line `line` between grid lines `a` and `a + 1` of
  // the other direction exist?
  bool EdgeExists(bool horizontal, int line, int a) const {
    const std::vector<GridLine>& along = horizontal ? rows_ : cols_;
    const int across_cells =
        static_cast<int>((horizontal ? cols_ : rows_).size()) - 1;
    if (line == 0 || line + 1 == static_cast<int>(along.size())) return true;
    const GridLine& l = along[line];
    auto [from, to] = Stretch(horizontal, a);
    if (to - from >= min_edge_) return LineRuns(horizontal, l, from, to);
    // An edge shorter than a scan dropout (a sliver column where the lines
    // of two row bands lie a few pixels apart) can fall wholly into one gap
    // of a broken line: it is judged on the stretch of line around it, and
    // exists where the line runs on beside it (a line does not stop for a
    // sliver and start again; where a merged cell covers the sliver and its
    // neighbour, the edge does not part them).
    const int around = (from + to - min_edge_) / 2;
    if (LineRuns(horizontal, l, around, around + min_edge_)) return true;
    for (int n : {a - 1, a + 1}) {
      if (n < 0 || n >= across_cells) continue;
      auto [n_from, n_to] = Stretch(horizontal, n);
      if (n_to - n_from >= min_edge_ && LineRuns(horizontal, l, n_from, n_to))
        return true;
    }
    return false;
  }

  // Is the missing edge between grid lines `a` and `a + 1` on grid line
  // `line` faint rather than absent?
  bool EdgeFaint(bool horizontal, int line, int a) const {
    auto [from, to] = Stretch(horizontal, a);
    return to - from >= min_edge_ &&
           Coverage(horizontal, (horizontal ? rows_ : cols_)[line], from, to) >=
               kFaintEdgeCoverage;
  }

 private:
  // Narrow band: the line's own pixels (and a pixel of drift), not text next
  // to it.
  static int BandOf(const GridLine& l) {
    return static_cast<int>(std::ceil(l.thickness / 2)) + 1;
  }
  int OffsetOf(const GridLine& l) const {
    return ClearanceOffset(l.thickness, dpi_, options_);
  }

  // Share of [from, to) the ruling line `l` covers with paper beside it.
  // Where a found segment runs, text touching it does not count against the
  // edge.
  double Coverage(bool horizontal, const GridLine& l, int from, int to) const {
    // Where no found segment of the line runs, pieces may be the strokes of
    // a text line in line with it (a merged cell's text across its hidden
    // line): they count only without glyph bodies beside them.
    bool found = std::any_of(l.runs.begin(), l.runs.end(), [&](const auto& run) {
      return run.first < to && run.second > from;
    });
    if (!found)
      return UncrowdedCoverage(lines_, horizontal, l.pos, BandOf(l), from, to,
                               OffsetOf(l), crowd_, l.runs);
    return LineCoverage(
        horizontal ? lines_.horizontal_pieces : lines_.vertical_pieces,
        horizontal, l.pos, BandOf(l), from, to, lines_.ink, OffsetOf(l),
        l.runs);
  }

  // Does the ruling line `l` really run over [from, to)?
  bool LineRuns(bool horizontal, const GridLine& l, int from, int to) const {
    if (Coverage(horizontal, l, from, to) >= options_.edge_coverage) return true;
    if (!options_.repair_scanned_lines) return false;
    const int band = BandOf(l), offset = OffsetOf(l);
    // The line's position is its mean over all its length; a line that
    // drifts a pixel or two (residual skew, a bent scan) shows no paper
    // beside it where it runs off that mean. Nearby positions count when no
    // glyph bodies lie beside them.
    for (int d = -drift_; d <= drift_; ++d)
      if (d != 0 &&
          UncrowdedCoverage(lines_, horizontal, l.pos + d, band, from, to,
                            offset, crowd_, l.runs) >= options_.edge_coverage)
        return true;
    // A faint line the scan thinned below the plain threshold along much of
    // the edge still shows on the faint mask, with paper beside it.
    if (FaintLineCoverage(lines_, horizontal, l.pos, band, from, to, offset,
                          l.runs, dpi_, options_) >= options_.edge_coverage)
      return true;
    return BitsOfLineShare(lines_, horizontal, l.pos, band, offset + crowd_,
                           from, to) >= kBitsCoverage;
  }

  // The stretch of a grid line between grid lines `a` and `a + 1` of the
  // other direction, inside their strokes.
  std::pair<int, int> Stretch(bool horizontal, int a) const {
    const std::vector<GridLine>& across = horizontal ? cols_ : rows_;
    return {Near(across[a].pos, across[a].thickness / 2 + 1, +1),
            Near(across[a + 1].pos, across[a + 1].thickness / 2 + 1, -1)};
  }

  const RulingLines& lines_;
  const std::vector<GridLine>& rows_;
  const std::vector<GridLine>& cols_;
  const int dpi_;
  const LayoutOptions& options_;
  const int min_edge_, crowd_, drift_;
};

// The grid lines of one structure, snapped, with a frame line added where
// an outer edge has none (lines running on past the outermost crossing
// line). False for a single frame, a corner or a T.
struct Frame {
  std::vector<GridLine> rows, cols;
  bool top_missing = false, bottom_missing = false;
  bool left_missing = false, right_missing = false;
};
std::optional<Frame> FrameOf(const Structure& structure,
                             const RulingLines& lines, int dpi,
                             const LayoutOptions& options) {
  if (structure.horizontal.empty() || structure.vertical.empty())
    return std::nullopt;
  Frame f;
  double snap = std::max(1.0, options.snap_mm * dpi / 25.4);
  f.rows = SnapLines(lines.horizontal, structure.horizontal, snap);
  f.cols = SnapLines(lines.vertical, structure.vertical, snap);

  int x_lo = INT32_MAX, x_hi = INT32_MIN, y_lo = INT32_MAX, y_hi = INT32_MIN;
  for (int i : structure.horizontal) {
    x_lo = std::min(x_lo, lines.horizontal[i].start);
    x_hi = std::max(x_hi, lines.horizontal[i].end);
  }
  for (int i : structure.vertical) {
    y_lo = std::min(y_lo, lines.vertical[i].start);
    y_hi = std::max(y_hi, lines.vertical[i].end);
  }
  // Lines running on this far past the outermost crossing line mean that
  // edge has no ruling line of its own.
  int overhang = MmToPx(2.0, dpi, 3);
  f.left_missing = f.cols.front().pos - x_lo > overhang;
  f.right_missing = x_hi - f.cols.back().pos > overhang;
  f.top_missing = f.rows.front().pos - y_lo > overhang;
  f.bottom_missing = y_hi - f.rows.back().pos > overhang;
  if (f.left_missing) f.cols.insert(f.cols.begin(), GridLine{double(x_lo), 0, false, {}});
  if (f.right_missing) f.cols.push_back(GridLine{double(x_hi), 0, false, {}});
  if (f.top_missing) f.rows.insert(f.rows.begin(), GridLine{double(y_lo), 0, false, {}});
  if (f.bottom_missing) f.rows.push_back(GridLine{double(y_hi), 0, false, {}});
  int real = static_cast<int>(f.rows.size() + f.cols.size()) - f.left_missing -
             f.right_missing - f.top_missing - f.bottom_missing;
  int nrows = static_cast<int>(f.rows.size()) - 1;
  int ncols = static_cast<int>(f.cols.size()) - 1;
  // A single frame, a corner or a T is not a table; a cross is (a 2x2
  // table drawn without its frame).
  if (nrows < 1 || ncols < 1 || nrows * ncols < 2 ||
      (real < 3 && (nrows < 2 || ncols < 2)))
    return std::nullopt;
  return f;
}

// The cells of the grid: grid positions joined across every edge that does
// not exist (faint edges part cells unless that leaves a cell that is no
// rectangle).
std::vector<Span> CellsOf(const Frame& f, const RulingLines& lines, int dpi,
                          const LayoutOptions& options) {
  const int nrows = static_cast<int>(f.rows.size()) - 1;
  const int ncols = static_cast<int>(f.cols.size()) - 1;
  const EdgeJudge judge(lines, f.rows, f.cols, dpi, options);
  DisjointSets sets(nrows * ncols);
  std::vector<std::pair<int, int>> faint;  // grid positions a faint edge parts
  auto part = [&](bool horizontal, int line, int a, int p, int q) {
    if (judge.EdgeExists(horizontal, line, a)) return;
    if (options.repair_scanned_lines && judge.EdgeFaint(horizontal, line, a)) {
      faint.push_back({p, q});
    } else {
      sets.Union(p, q);
    }
  };
  for (int r = 0; r < nrows; ++r)
    for (int c = 0; c < ncols; ++c) {
      if (c + 1 < ncols) part(false, c + 1, r, r * ncols + c, r * ncols + c + 1);
      if (r + 1 < nrows) part(true, r + 1, c, r * ncols + c, (r + 1) * ncols + c);
    }
  JoinAcrossFaintEdges(faint, nrows, ncols, sets);
  return RectangularCells(sets, nrows, ncols);
}

// The table of grid lines and cells: row/column lines, and each cell's box
// inside its ruling lines (half a stroke, rounded up, in from each line).
Table TableOf(const Frame& f, std::vector<Span> spans) {
  const std::vector<GridLine>& rows = f.rows;
  const std::vector<GridLine>& cols = f.cols;
  Table table;
  table.rows = static_cast<int>(rows.size()) - 1;
  table.cols = static_cast<int>(cols.size()) - 1;
  table.open_top = f.top_missing && !f.left_missing && !f.right_missing;
  table.open_bottom = f.bottom_missing && !f.left_missing && !f.right_missing;
  for (const GridLine& l : rows) table.row_lines.push_back(static_cast<int>(std::lround(l.pos)));
  for (const GridLine& l : cols) table.col_lines.push_back(static_cast<int>(std::lround(l.pos)));
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.row0 != b.row0 ? a.row0 < b.row0 : a.col0 < b.col0;
  });
  for (const Span& s : spans) {
    Cell cell;
    cell.row = s.row0;
    cell.col = s.col0;
    cell.rowspan = s.row1 - s.row0;
    cell.colspan = s.col1 - s.col0;
    int x0 = Near(cols[s.col0].pos, std::ceil(cols[s.col0].thickness / 2), +1);
    int x1 = Near(cols[s.col1].pos, std::ceil(cols[s.col1].thickness / 2), -1);
    int y0 = Near(rows[s.row0].pos, std::ceil(rows[s.row0].thickness / 2), +1);
    int y1 = Near(rows[s.row1].pos, std::ceil(rows[s.row1].thickness / 2), -1);
    cell.box = Rect{x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0)};
    table.cells.push_back(cell);
  }
  int left = Near(cols.front().pos, cols.front().thickness / 2, -1);
  int right = Near(cols.back().pos, cols.back().thickness / 2, +1);
  int top = Near(rows.front().pos, rows.front().thickness / 2, -1);
  int bottom = Near(rows.back().pos, rows.back().thickness / 2, +1);
  table.box = Rect{left, top, right - left + 1, bottom - top + 1};
  return table;
}

std::optional<Table> BuildTable(const Structure& structure,
                                const RulingLines& lines, int dpi,
                                const LayoutOptions& options) {
  std::optional<Frame> frame = FrameOf(structure, lines, dpi, options);
  if (!frame) return std::nullopt;
  if (options.repair_scanned_lines) {
    AddBrokenLines(false, frame->rows, &frame->cols, lines, dpi, options);
    AddBrokenLines(true, frame->cols, &frame->rows, lines, dpi, options);
  }
  std::vector<Span> spans = CellsOf(*frame, lines, dpi, options);
  DropUnusedLines(&frame->rows, &frame->cols, &spans);
  const int nrows = static_cast<int>(frame->rows.size()) - 1;
  const int ncols = static_cast<int>(frame->cols.size()) - 1;
  if (nrows * ncols < 2 || spans.size() < 2) return std::nullopt;
  return TableOf(*frame, std::move(spans));
}

}  // namespace

std::vector<Table> BuildTables(const RulingLines& lines, int dpi,
                               const LayoutOptions& options) {
  std::vector<Table> tables;
  for (const Structure& s : FindStructures(lines, dpi, options)) {
    std::optional<Table> table = BuildTable(s, lines, dpi, options);
    if (table) tables.push_back(std::move(*table));
  }
  std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) {
    return a.box.y != b.box.y ? a.box.y < b.box.y : a.box.x < b.box.x;
  });
  return tables;
}

}  // namespace decltab::layout
