// The page model: what extract/ and layout/ hand to normalize/.
// Plain values only (no OpenCV, Poppler or Tesseract handles).
// Coordinates are pixels of the rendered page at PageLayout::dpi, origin at
// the top-left of the (deskewed) page image.
#ifndef DECLTAB_CORE_PAGE_LAYOUT_H_
#define DECLTAB_CORE_PAGE_LAYOUT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/geometry.h"

namespace decltab {

// An 8-bit grey page image, row-major, 0 = black, 255 = white.
struct PageImage {
  int page_number = 0;  // 1-based
  int dpi = 0;
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;  // width * height bytes

  bool empty() const { return width <= 0 || height <= 0 || pixels.empty(); }
};

// A word (or glyph run) from a PDF text layer, already in page pixels.
struct Word {
  std::string text;  // UTF-8
  Rect box;
};

// One cell of a ruled table. A merged cell appears once, at its top-left
// grid position, with its spans.
struct Cell {
  int row = 0, col = 0;
  int rowspan = 1, colspan = 1;
  Rect box;                // inside the ruling lines
  std::string text;        // UTF-8, lines joined in reading order, CJK unspaced
  float confidence = 1.0;  // 0..1; 1.0 for text-layer cells and empty cells
  // What OCR read when `text` is a fixed label restored from a near miss
  // (normalize/form_labels.h); empty otherwise.
  std::string read_as;
  bool empty() const { return text.empty(); }
};

struct Table {
  Rect box;
  int rows = 0, cols = 0;
  std::vector<int> row_lines;  // y of each horizontal grid line, rows + 1
  std::vector<int> col_lines;  // x of each vertical grid line, cols + 1
  std::vector<Cell> cells;     // row-major by top-left position
  bool open_top = false;       // no ruling line above row 0 (cut by a page break)
  bool open_bottom = false;

  // The cell covering grid position (row, col), or nullptr.
  const Cell* At(int row, int col) const {
    for (const Cell& c : cells)
      if (row >= c.row && row < c.row + c.rowspan && col >= c.col &&
          col < c.col + c.colspan)
        return &c;
    return nullptr;
  }
};

// Text outside tables: one line or paragraph, in reading order.
struct TextBlock {
  Rect box;
  std::string text;
  float confidence = 1.0;
};

enum class PageSource { kTextLayer, kOcr };

struct PageLayout {
  int page_number = 0;  // 1-based
  int dpi = 0;
  int width = 0, height = 0;
  double skew_degrees = 0;  // rotation removed before layout
  PageSource source = PageSource::kOcr;
  std::vector<Table> tables;       // top to bottom
  std::vector<TextBlock> blocks;   // reading order, tables excluded
  // What went wrong reading the page without stopping it (errors Poppler
  // reported rendering a damaged page); empty for a sound page.
  std::vector<std::string> warnings;
};

struct DocumentLayout {
  std::string file;    // as given on the command line
  std::string sha256;  // hex of the file's bytes
  int page_count = 0;
  std::vector<PageLayout> pages;
  // The file's own damage (errors Poppler reported opening it).
  std::vector<std::string> warnings;
};

}  // namespace decltab

#endif  // DECLTAB_CORE_PAGE_LAYOUT_H_
