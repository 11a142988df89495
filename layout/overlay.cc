// WriteOverlay: a PNG of the page with the found structure drawn on it.
#include <cstdio>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "layout/cv_image.h"
#include "layout/page_analyzer.h"

namespace decltab::layout {
namespace {

// BGR colours.
const cv::Scalar kGrid(230, 160, 60);       // blue-ish: grid lines
const cv::Scalar kEmptyCell(150, 150, 150);  // grey: cell without text
const cv::Scalar kSure(40, 170, 40);         // green: confidence >= 0.9
const cv::Scalar kDoubtful(0, 140, 255);     // orange
const cv::Scalar kUnsure(30, 30, 220);       // red: confidence < 0.6
const cv::Scalar kTextLine(200, 40, 200);    // magenta: text outside tables

cv::Scalar CellColour(const Cell& cell) {
  if (cell.text.empty()) return kEmptyCell;
  if (cell.confidence >= 0.9f) return kSure;
  if (cell.confidence >= 0.6f) return kDoubtful;
  return kUnsure;
}

cv::Rect ToCv(const Rect& r) { return cv::Rect(r.x, r.y, r.width, r.height); }

std::string CellLabel(const Cell& cell) {
  char label[64];
  int n = std::snprintf(label, sizeof label, "r%dc%d", cell.row, cell.col);
  if (cell.rowspan > 1 || cell.colspan > 1)
    n += std::snprintf(label + n, sizeof label - n, " %dx%d", cell.rowspan,
                       cell.colspan);
  if (!cell.text.empty())
    std::snprintf(label + n, sizeof label - n, " %.2f", cell.confidence);
  return label;
}

}  // namespace

Status WriteOverlay(const PageGeometry& geometry, const PageLayout& layout,
                    const std::string& png_path) {
  const PageImage& page = geometry.deskewed;
  if (page.empty() ||
      page.pixels.size() != static_cast<size_t>(page.width) * page.height)
    return Status::InvalidInput(png_path + ": no page image to draw on");
  try {
    cv::Mat canvas;
    cv::cvtColor(ToMat(page), canvas, cv::COLOR_GRAY2BGR);
    int dpi = page.dpi > 0 ? page.dpi : 300;
    double font_scale = 0.45 * dpi / 300.0;
    int stroke = std::max(1, dpi / 150);
    const std::vector<Table>& tables =
        layout.tables.empty() ? geometry.tables : layout.tables;
    for (const Table& table : tables) {
      for (int y : table.row_lines)
        cv::line(canvas, {table.box.x, y}, {table.box.right(), y}, kGrid, 1);
      for (int x : table.col_lines)
        cv::line(canvas, {x, table.box.y}, {x, table.box.bottom()}, kGrid, 1);
      for (const Cell& cell : table.cells) {
        cv::Scalar colour = CellColour(cell);
        cv::rectangle(canvas, ToCv(cell.box), colour, stroke);
        cv::putText(canvas, CellLabel(cell),
                    {cell.box.x + 2 * stroke,
                     cell.box.y + static_cast<int>(22 * font_scale) + stroke},
                    cv::FONT_HERSHEY_SIMPLEX, font_scale, colour, stroke);
      }
    }
    for (const Rect& r : geometry.text_lines)
      cv::rectangle(canvas, ToCv(r), kTextLine, 1);
    for (const TextBlock& b : layout.blocks)
      cv::rectangle(canvas, ToCv(b.box), kTextLine, stroke);
    if (!cv::imwrite(png_path, canvas))
      return Status::Internal(png_path + ": cannot write PNG");
    return Status::Ok();
  } catch (const cv::Exception& e) {
    return Status::Internal(png_path + ": OpenCV: " + e.what());
  }
}

}  // namespace decltab::layout
