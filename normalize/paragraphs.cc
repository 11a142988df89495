#include "normalize/paragraphs.h"

#include <algorithm>
#include <climits>

namespace decltab::normalize {
namespace {

Rect Union(const Rect& a, const Rect& b) {
  int l = std::min(a.x, b.x), t = std::min(a.y, b.y);
  int r = std::max(a.right(), b.right()), btm = std::max(a.bottom(), b.bottom());
  return Rect{l, t, r - l, btm - t};
}

bool SameLine(const Rect& a, const Rect& b) {
  int overlap = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
  return overlap > std::min(a.height, b.height) / 2;
}

void Append(TextBlock* to, const TextBlock& from) {
  to->text += from.text;
  to->box = Union(to->box, from.box);
  to->confidence = std::min(to->confidence, from.confidence);
}

bool TableBetween(const PageLayout& page, int top, int bottom) {
  for (const Table& t : page.tables)
    if (t.box.y < bottom && t.box.bottom() > top) return true;
  return false;
}

}  // namespace

std::vector<TextBlock> JoinParagraphs(const PageLayout& page,
                                      std::vector<ParagraphEdges>* edges) {
  if (edges != nullptr) edges->clear();
  std::vector<TextBlock> lines = page.blocks;
  std::stable_sort(lines.begin(), lines.end(),
                   [](const TextBlock& a, const TextBlock& b) {
                     return a.box.y < b.box.y;
                   });
  // Pieces of one line, left to right.
  std::vector<TextBlock> joined;
  for (const TextBlock& piece : lines) {
    TextBlock* back = joined.empty() ? nullptr : &joined.back();
    if (back != nullptr && SameLine(back->box, piece.box) &&
        piece.box.x >= back->box.right()) {
      Append(back, piece);
    } else if (back != nullptr && SameLine(back->box, piece.box) &&
               piece.box.right() <= back->box.x) {
      TextBlock left = piece;
      Append(&left, *back);
      *back = left;
    } else {
      joined.push_back(piece);
    }
  }
  if (joined.size() < 2) {
    // One line: no margins to measure it by.
    if (edges != nullptr) edges->resize(joined.size());
    return joined;
  }

  const int tolerance = std::max(1, page.width / 70);  // ~3 mm on A4
  // Margins from the blocks shaped like lines of text, as found (before a
  // fleck beside a short line joins it), so a fleck or a stray glyph out in
  // the margin does not move them.
  std::vector<Rect> text_lines;
  for (const TextBlock& b : lines)
    if (b.box.width >= 2 * b.box.height) text_lines.push_back(b.box);
  if (text_lines.empty())
    for (const TextBlock& b : lines) text_lines.push_back(b.box);
  int left = INT_MAX, right = INT_MIN;
  for (const Rect& r : text_lines) {
    left = std::min(left, r.x);
    right = std::max(right, r.right());
  }

  auto runs_on = [&](const Rect& line) { return line.right() >= right - tolerance; };
  auto flush_left = [&](const Rect& line) { return line.x <= left + tolerance; };
  std::vector<TextBlock> out;
  std::vector<ParagraphEdges> out_edges;
  Rect last_line;  // the last line of out.back(): the paragraph's box is wider
  for (const TextBlock& line : joined) {
    if (!out.empty()) {
      int gap = line.box.y - last_line.bottom();
      if (runs_on(last_line) && flush_left(line.box) && gap >= -tolerance &&
          gap < line.box.height &&
          !TableBetween(page, last_line.bottom(), line.box.y)) {
        Append(&out.back(), line);
        last_line = line.box;
        out_edges.back().runs_on = runs_on(last_line);
        continue;
      }
    }
    out.push_back(line);
    last_line = line.box;
    out_edges.push_back({flush_left(line.box), runs_on(line.box)});
  }
  if (edges != nullptr) *edges = std::move(out_edges);
  return out;
}

}  // namespace decltab::normalize
