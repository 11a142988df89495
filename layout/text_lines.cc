#include "layout/text_lines.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "layout/cv_image.h"

namespace decltab::layout {
namespace {

// A fleck: narrower than the page's lines of text are high, and under this
// share of that height.
constexpr double kSpeckLineShare = 0.4;
// Dust at a line's end: under this share of the line's tallest glyph both
// ways ("。" and "," are about a third).
constexpr double kDustLineShare = 0.2;
// Ink this close to the page's edge is its shadow or a torn edge.
constexpr double kPageEdgeMm = 1.0;

Rect Union(const Rect& a, const Rect& b) {
  int l = std::min(a.x, b.x), t = std::min(a.y, b.y);
  int r = std::max(a.right(), b.right()), btm = std::max(a.bottom(), b.bottom());
  return Rect{l, t, r - l, btm - t};
}

std::vector<Rect> ComponentBoxes(const cv::Mat& mask, int min_size) {
  cv::Mat labels, stats, centroids;
  int count = cv::connectedComponentsWithStats(mask, labels, stats, centroids,
                                               8, CV_32S);
  std::vector<Rect> boxes;
  for (int label = 1; label < count; ++label) {
    Rect r{stats.at<int>(label, cv::CC_STAT_LEFT),
           stats.at<int>(label, cv::CC_STAT_TOP),
           stats.at<int>(label, cv::CC_STAT_WIDTH),
           stats.at<int>(label, cv::CC_STAT_HEIGHT)};
    if (std::max(r.width, r.height) >= min_size) boxes.push_back(r);
  }
  return boxes;
}

// Glyph boxes that share most of their height and lie within `gap` of each
// other side by side are on one line; lines are the unions of such chains.
// Boxes, not pixels: a glyph's strokes at different heights (a bar high up,
// the next glyph's stem low down) still line up.
std::vector<Rect> GroupIntoLines(std::vector<Rect> boxes, int gap) {
  std::sort(boxes.begin(), boxes.end(),
            [](const Rect& a, const Rect& b) { return a.x < b.x; });
  std::vector<int> parent(boxes.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = static_cast<int>(i);
  auto find = [&](int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (size_t i = 0; i < boxes.size(); ++i) {
    const Rect& a = boxes[i];
    for (size_t j = i + 1; j < boxes.size() && boxes[j].x <= a.right() + gap; ++j) {
      const Rect& b = boxes[j];
      int overlap = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
      if (overlap * 2 >= std::min(a.height, b.height)) {
        int ra = find(static_cast<int>(i)), rb = find(static_cast<int>(j));
        parent[std::max(ra, rb)] = std::min(ra, rb);
      }
    }
  }
  // Each line's boxes, left to right.
  std::vector<std::vector<Rect>> members;
  std::vector<int> slot(boxes.size(), -1);
  for (size_t i = 0; i < boxes.size(); ++i) {
    int root = find(static_cast<int>(i));
    if (slot[root] < 0) {
      slot[root] = static_cast<int>(members.size());
      members.emplace_back();
    }
    members[slot[root]].push_back(boxes[i]);
  }
  std::vector<Rect> lines;
  for (std::vector<Rect>& m : members) {
    // Dust next to a line's first or last glyph would lengthen the line
    // past the margin its paragraph ends at; punctuation is bigger.
    int height = 0;
    for (const Rect& r : m) height = std::max(height, r.height);
    auto dust = [&](const Rect& r) {
      return std::max(r.width, r.height) < kDustLineShare * height;
    };
    size_t first = 0, last = m.size();
    while (last - first > 1 && dust(m[last - 1])) --last;
    while (last - first > 1 && dust(m[first])) ++first;
    Rect line = m[first];
    for (size_t i = first + 1; i < last; ++i) line = Union(line, m[i]);
    lines.push_back(line);
  }
  return lines;
}

// Strokes of one glyph can sit one above the other with no neighbour to
// bridge them (a lone "二" or "=", a dotted i): pieces that overlap
// horizontally, are close vertically and together stay no taller than a
// text line are one line.
void JoinStackedPieces(int max_height, int max_gap, std::vector<Rect>* lines) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t i = 0; i < lines->size() && !changed; ++i)
      for (size_t j = i + 1; j < lines->size() && !changed; ++j) {
        const Rect& a = (*lines)[i];
        const Rect& b = (*lines)[j];
        int overlap = std::min(a.right(), b.right()) - std::max(a.x, b.x);
        int gap = std::max(a.y, b.y) - std::min(a.bottom(), b.bottom());
        Rect joined = Union(a, b);
        if (overlap > 0 && gap <= max_gap && joined.height <= max_height &&
            overlap * 2 >= std::min(a.width, b.width)) {
          (*lines)[i] = joined;
          lines->erase(lines->begin() + static_cast<long>(j));
          changed = true;
        }
      }
  }
}

// The median height of the lines `keep` accepts; 0 when it accepts none.
template <typename Keep>
int MedianHeight(const std::vector<Rect>& lines, Keep keep) {
  std::vector<int> heights;
  for (const Rect& r : lines)
    if (keep(r)) heights.push_back(r.height);
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

}  // namespace

void SortReadingOrder(std::vector<Rect>* rects) {
  std::sort(rects->begin(), rects->end(), [](const Rect& a, const Rect& b) {
    return a.y != b.y ? a.y < b.y : a.x < b.x;
  });
  std::vector<Rect> ordered;
  size_t begin = 0;
  while (begin < rects->size()) {
    // A row: rectangles whose vertical centre lies within the band of the
    // row so far.
    int top = (*rects)[begin].y, bottom = (*rects)[begin].bottom();
    size_t end = begin + 1;
    while (end < rects->size()) {
      const Rect& r = (*rects)[end];
      int centre = r.y + r.height / 2;
      if (centre < top || centre >= bottom) break;
      bottom = std::max(bottom, r.bottom());
      ++end;
    }
    std::sort(rects->begin() + static_cast<long>(begin),
              rects->begin() + static_cast<long>(end),
              [](const Rect& a, const Rect& b) { return a.x < b.x; });
    begin = end;
  }
}

std::vector<Rect> FindTextLines(const cv::Mat& ink, const cv::Mat& line_mask,
                                const std::vector<Table>& tables, int dpi,
                                const LayoutOptions& options) {
  cv::Mat text = ink.clone();
  text.setTo(0, line_mask);
  int margin = MmToPx(options.join_tolerance_mm, dpi, 2);
  cv::Rect page(0, 0, ink.cols, ink.rows);
  for (const Table& t : tables) {
    cv::Rect box(t.box.x - margin, t.box.y - margin, t.box.width + 2 * margin,
                 t.box.height + 2 * margin);
    text(box & page).setTo(0);
  }
  // Specks go before joining, or a dust grain would glue two lines together.
  std::vector<Rect> lines =
      GroupIntoLines(ComponentBoxes(text, MmToPx(options.speck_mm, dpi, 2)),
                     MmToPx(options.word_gap_mm, dpi, 3));
  if (!lines.empty()) {
    const int typical =
        std::max(MedianHeight(lines, [](const Rect&) { return true; }), MmToPx(2.5, dpi));
    JoinStackedPieces(typical * 3 / 2, typical, &lines);
  }
  int min_line = MmToPx(options.min_text_line_mm, dpi, 2);
  // Scanner dirt is no line: a fleck, or ink touching the page's edge (print
  // keeps a margin). Read, dirt makes up glyphs and breaks the paragraph it
  // sits in. Flecks are measured against the lines that look like text (a
  // noisy scan's dust outnumbers its lines, so the median of all is a
  // speck's).
  const int text_height = MedianHeight(lines, [&](const Rect& r) {
    return r.height >= min_line && r.width >= 2 * r.height;
  });
  const int edge = MmToPx(kPageEdgeMm, dpi, 1);
  const Rect inside{edge, edge, ink.cols - 2 * edge, ink.rows - 2 * edge};
  auto dirt = [&](const Rect& r) {
    return (r.width < text_height && r.height < kSpeckLineShare * text_height) ||
           r.Intersect(inside).area() < r.area();
  };
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [&](const Rect& r) {
                               return r.width <= 0 || r.height < min_line || dirt(r);
                             }),
              lines.end());
  SortReadingOrder(&lines);
  return lines;
}

}  // namespace decltab::layout
