// AssignWords: text-layer words into table cells and text lines.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "layout/page_analyzer.h"

namespace decltab::layout {
namespace {

// Words further apart than this many line heights on one line are separate
// text lines (a left-aligned label and a right-aligned date, say).
constexpr double kLineBreakGapHeights = 3.0;
// Glyph runs closer than this share of the line height touch: no space.
constexpr double kTouchingGapHeights = 0.15;

// First and last Unicode code points of UTF-8 text (0 for empty text).
uint32_t DecodeAt(const std::string& s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<uint8_t>(k < s.size() ? s[k] : 0); };
  uint8_t b0 = byte(i);
  if (b0 < 0x80) return b0;
  if ((b0 & 0xE0) == 0xC0) return ((b0 & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
  if ((b0 & 0xF0) == 0xE0)
    return ((b0 & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
  return ((b0 & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) |
         ((byte(i + 2) & 0x3Fu) << 6) | (byte(i + 3) & 0x3Fu);
}
uint32_t FirstCodePoint(const std::string& s) { return s.empty() ? 0 : DecodeAt(s, 0); }
uint32_t LastCodePoint(const std::string& s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<uint8_t>(s[i]) & 0xC0) == 0x80) --i;
  return DecodeAt(s, i);
}

bool Spaced(const std::string& left, const std::string& right) {
  return !IsCjk(LastCodePoint(left)) && !IsCjk(FirstCodePoint(right));
}

void Append(const std::string& piece, bool space, std::string* text) {
  if (piece.empty()) return;
  if (!text->empty() && space) text->push_back(' ');
  text->append(piece);
}

Rect Union(const Rect& a, const Rect& b) {
  int l = std::min(a.x, b.x), t = std::min(a.y, b.y);
  int r = std::max(a.right(), b.right()), btm = std::max(a.bottom(), b.bottom());
  return Rect{l, t, r - l, btm - t};
}

// A text line: its words left to right.
struct WordLine {
  Rect box;
  std::vector<const Word*> words;
};

// Groups words into lines (a word joins the line whose vertical band holds
// its centre), lines top to bottom, words left to right. With `split_gaps`,
// a line is cut where words are far apart.
std::vector<WordLine> GroupLines(std::vector<const Word*> words, bool split_gaps) {
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
    return a->box.y != b->box.y ? a->box.y < b->box.y : a->box.x < b->box.x;
  });
  std::vector<WordLine> lines;
  for (const Word* w : words) {
    int centre = w->box.y + w->box.height / 2;
    WordLine* line = nullptr;
    for (WordLine& l : lines)
      if (centre >= l.box.y && centre < l.box.bottom()) line = &l;
    if (line == nullptr) {
      lines.push_back(WordLine{w->box, {}});
      line = &lines.back();
    }
    line->box = Union(line->box, w->box);
    line->words.push_back(w);
  }
  std::vector<WordLine> out;
  for (WordLine& l : lines) {
    std::sort(l.words.begin(), l.words.end(),
              [](const Word* a, const Word* b) { return a->box.x < b->box.x; });
    WordLine piece{l.words.front()->box, {}};
    for (const Word* w : l.words) {
      int gap = w->box.x - piece.box.right();
      if (split_gaps && !piece.words.empty() &&
          gap > kLineBreakGapHeights * l.box.height) {
        out.push_back(piece);
        piece = WordLine{w->box, {}};
      }
      piece.box = Union(piece.box, w->box);
      piece.words.push_back(w);
    }
    out.push_back(piece);
  }
  // Lines were opened in order of their top edge, pieces left to right.
  return out;
}

std::string JoinLine(const WordLine& line) {
  std::string text;
  const Word* previous = nullptr;
  for (const Word* w : line.words) {
    if (w->text.empty()) continue;
    bool space = false;
    if (previous != nullptr) {
      int gap = w->box.x - previous->box.right();
      int height = std::min(w->box.height, previous->box.height);
      space = Spaced(previous->text, w->text) &&
              gap > kTouchingGapHeights * height;
    }
    Append(w->text, space, &text);
    previous = w;
  }
  return text;
}

// Index of the grid interval of `lines` holding v, or -1 outside.
int GridIndex(const std::vector<int>& lines, int v) {
  if (lines.size() < 2 || v < lines.front() || v >= lines.back()) return -1;
  return static_cast<int>(std::upper_bound(lines.begin(), lines.end(), v) -
                          lines.begin()) - 1;
}

}  // namespace

void AssignWords(const std::vector<Word>& words, std::vector<Table>* tables,
                 std::vector<TextBlock>* blocks) {
  std::map<std::pair<size_t, size_t>, std::vector<const Word*>> in_cells;
  std::vector<const Word*> outside;
  for (const Word& w : words) {
    if (w.text.empty()) continue;
    int cx = w.box.x + w.box.width / 2, cy = w.box.y + w.box.height / 2;
    bool placed = false;
    for (size_t t = 0; tables != nullptr && t < tables->size() && !placed; ++t) {
      const Table& table = (*tables)[t];
      int r = GridIndex(table.row_lines, cy), c = GridIndex(table.col_lines, cx);
      if (r < 0 || c < 0) continue;
      for (size_t k = 0; k < table.cells.size(); ++k) {
        const Cell& cell = table.cells[k];
        if (r >= cell.row && r < cell.row + cell.rowspan && c >= cell.col &&
            c < cell.col + cell.colspan) {
          in_cells[{t, k}].push_back(&w);
          placed = true;
          break;
        }
      }
    }
    if (!placed) outside.push_back(&w);
  }
  for (auto& [where, cell_words] : in_cells) {
    std::string text;
    for (const WordLine& line : GroupLines(cell_words, /*split_gaps=*/false)) {
      std::string joined = JoinLine(line);
      Append(joined, !text.empty() && Spaced(text, joined), &text);
    }
    Cell& cell = (*tables)[where.first].cells[where.second];
    cell.text = text;
    cell.confidence = 1.0f;
  }
  if (blocks == nullptr) return;
  for (const WordLine& line : GroupLines(outside, /*split_gaps=*/true)) {
    TextBlock block;
    block.box = line.box;
    block.text = JoinLine(line);
    block.confidence = 1.0f;
    blocks->push_back(block);
  }
}

}  // namespace decltab::layout
