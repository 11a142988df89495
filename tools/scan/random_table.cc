#include "tools/scan/random_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "tools/cairo_handles.h"

namespace decltab::tools {
namespace {

// Generic words of Chinese budget and statistics tables, combined at random
// into cell labels. Nothing here comes from a particular declaration.
const char* const kWords[] = {
    "项目", "数量", "单价", "金额", "合计", "指标", "年度", "预算", "资金",
    "名称", "单位", "备注", "类别", "实施", "完成", "情况", "目标", "质量",
    "时效", "成本", "满意度", "经费", "支出", "收入", "小计", "序号", "内容",
    "标准", "说明", "计划", "实际", "其他", "服务", "设备", "采购", "维护",
    "培训", "人员", "工作", "财政", "拨款", "结转", "绩效", "产出", "效益",
    "社会", "经济", "对象", "部门", "期限"};
const char* const kCountUnits[] = {"家", "人", "个", "次", "项", "台", "场", "份"};
const char* const kComparators[] = {"≥", ">=", "≤", "<=", ""};

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  // Implementation-independent, so pages match across standard libraries.
  double Uniform(double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(engine_() >> 11) * 0x1.0p-53;
  }
  int Int(int lo, int hi) {  // inclusive
    if (hi <= lo) return lo;
    return lo + static_cast<int>(engine_() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool Chance(double p) { return Uniform(0, 1) < p; }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) { return items[Int(0, N - 1)]; }

 private:
  std::mt19937_64 engine_;
};

std::string Phrase(Random& rng, int min_words, int max_words) {
  std::string text;
  for (int i = rng.Int(min_words, max_words); i > 0; --i) text += rng.Pick(kWords);
  return text;
}

std::string Amount(Random& rng) {
  std::string digits = std::to_string(rng.Int(1, 9));
  for (int i = rng.Int(1, 8); i > 0; --i) digits += std::to_string(rng.Int(0, 9));
  switch (rng.Int(0, 2)) {
    case 0: return digits + ".00";
    case 1: return digits + "." + std::to_string(rng.Int(10, 99));
    default: return digits;
  }
}

std::string Date(Random& rng) {
  char text[16];
  std::snprintf(text, sizeof(text), "20%02d-%02d-%02d", rng.Int(15, 26),
                rng.Int(1, 12), rng.Int(1, 28));
  return text;
}

std::string Measure(Random& rng) {
  std::string comparator = rng.Pick(kComparators);
  if (rng.Chance(0.5)) return comparator + std::to_string(rng.Int(60, 100)) + "%";
  return comparator + std::to_string(rng.Int(1, 500)) + rng.Pick(kCountUnits);
}

// A header row holds labels; body cells hold a mix, numbers most often.
std::string CellText(Random& rng, bool header) {
  if (rng.Chance(header ? 0.03 : 0.12)) return "";
  if (header) return Phrase(rng, 1, 3);
  double kind = rng.Uniform(0, 1);
  if (kind < 0.30) return Phrase(rng, 1, 3);
  if (kind < 0.40) return Phrase(rng, 4, 9);  // wraps in most columns
  if (kind < 0.70) return Amount(rng);
  if (kind < 0.85) return Measure(rng);
  return Date(rng);
}

// Inserts forced breaks after every `per_line` code points, the way narrow
// label columns are typed (项目 / 资金 / (元)).
std::string BreakEvery(const std::string& text, int per_line) {
  std::string out;
  int count = 0;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    unsigned char lead = text[i];
    if (lead >= 0xf0) len = 4;
    else if (lead >= 0xe0) len = 3;
    else if (lead >= 0xc0) len = 2;
    if (count > 0 && count % per_line == 0) out += '\n';
    out.append(text, i, len);
    i += len;
    ++count;
  }
  return out;
}

struct DrawnCell {
  TableTruthCell truth;
  std::string drawn;  // truth.text with forced line breaks
  PangoAlignment align = PANGO_ALIGN_LEFT;
};

struct DrawnTable {
  TableTruth truth;
  std::vector<DrawnCell> cells;
  std::vector<int> col_x;  // rows + 1 / cols + 1 ruling positions, pixels
  std::vector<int> row_y;
  std::string heading;     // empty: none
  int heading_height = 0;
  int line_width = 1;
  int height() const { return heading_height + row_y.back() - row_y.front(); }
};

// Shared drawing state: one layout re-used for measuring and painting.
struct Pen {
  cairo_t* cr;
  PangoLayout* layout;
  int dpi;
  double font_px;
  int padding;
  double Px(double mm) const { return mm * dpi / 25.4; }
};

// Height in pixels `text` takes when wrapped to `width` pixels.
int TextHeight(const Pen& pen, const std::string& text, int width) {
  pango_layout_set_text(pen.layout, text.c_str(), -1);
  pango_layout_set_width(pen.layout, std::max(1, width) * PANGO_SCALE);
  int w = 0, h = 0;
  pango_layout_get_pixel_size(pen.layout, &w, &h);
  return h;
}

// Marks every grid position a new cell covers; spans only over free ones.
std::vector<DrawnCell> PlaceCells(Random& rng, int rows, int cols,
                                  const RandomTableOptions& options) {
  std::vector<std::vector<bool>> taken(rows, std::vector<bool>(cols, false));
  std::vector<DrawnCell> cells;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (taken[r][c]) continue;
      int rowspan = 1, colspan = 1;
      if (rng.Chance(options.span_probability)) {
        rowspan = rng.Int(1, std::min(4, rows - r));
        colspan = rng.Int(1, std::min(3, cols - c));
        if (rowspan == rows && colspan == cols) rowspan = 1;
        for (bool fits = false; !fits;) {
          fits = true;
          for (int y = r; y < r + rowspan && fits; ++y)
            for (int x = c; x < c + colspan && fits; ++x) fits = !taken[y][x];
          if (!fits) colspan > 1 ? --colspan : --rowspan;
        }
      }
      for (int y = r; y < r + rowspan; ++y)
        for (int x = c; x < c + colspan; ++x) taken[y][x] = true;
      DrawnCell cell;
      cell.truth.row = r;
      cell.truth.col = c;
      cell.truth.rowspan = rowspan;
      cell.truth.colspan = colspan;
      cells.push_back(cell);
    }
  }
  return cells;
}

DrawnTable BuildTable(Random& rng, const Pen& pen, int rows, int cols,
                      int table_width, int left, bool outer_border,
                      const RandomTableOptions& options) {
  DrawnTable t;
  t.truth.rows = rows;
  t.truth.cols = cols;
  t.truth.outer_border = outer_border;
  t.line_width = std::max(1, static_cast<int>(std::lround(
                                 rng.Uniform(0.4, 1.0) * pen.dpi / 72.0)));
  // Column widths: random weights, each wide enough for two characters.
  int min_width = static_cast<int>(2 * pen.font_px + 2 * pen.padding + 2);
  std::vector<double> weights(cols);
  double total = 0;
  for (double& w : weights) total += (w = rng.Uniform(0.6, 3.0));
  int spare = std::max(0, table_width - cols * min_width);
  t.col_x.push_back(left);
  for (int c = 0; c < cols; ++c)
    t.col_x.push_back(t.col_x.back() + min_width +
                      static_cast<int>(spare * weights[c] / total));
  bool stacked_labels = rng.Chance(0.3);
  t.cells = PlaceCells(rng, rows, cols, options);
  for (DrawnCell& cell : t.cells) {
    bool header = cell.truth.row == 0 || cell.truth.col == 0;
    cell.truth.text = CellText(rng, header);
    cell.drawn = cell.truth.text;
    int width = t.col_x[cell.truth.col + cell.truth.colspan] -
                t.col_x[cell.truth.col];
    bool narrow = width < 5 * pen.font_px;
    if (stacked_labels && header && narrow && cell.truth.text.size() > 6 &&
        static_cast<unsigned char>(cell.truth.text[0]) >= 0xe0)
      cell.drawn = BreakEvery(cell.truth.text, 2);
    bool numeric = !cell.truth.text.empty() &&
                   static_cast<unsigned char>(cell.truth.text[0]) < 0x80;
    cell.align = header || rng.Chance(0.3)
                     ? PANGO_ALIGN_CENTER
                     : (numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  }
  // Row heights: a random minimum, raised until every cell's text fits.
  double line = pen.font_px * 1.45;
  std::vector<int> heights(rows);
  double base = rng.Uniform(1.3, 2.4);
  for (int& h : heights) h = static_cast<int>(line * base * rng.Uniform(0.9, 1.4));
  auto needed = [&](const DrawnCell& cell) {
    int width = t.col_x[cell.truth.col + cell.truth.colspan] -
                t.col_x[cell.truth.col] - 2 * pen.padding;
    return TextHeight(pen, cell.drawn, width) + 2 * pen.padding;
  };
  for (int pass = 0; pass < 2; ++pass) {  // single rows first, then spans
    for (const DrawnCell& cell : t.cells) {
      if ((cell.truth.rowspan > 1) != (pass == 1)) continue;
      int have = 0;
      for (int r = 0; r < cell.truth.rowspan; ++r) have += heights[cell.truth.row + r];
      int need = needed(cell);
      if (need > have) heights[cell.truth.row + cell.truth.rowspan - 1] += need - have;
    }
  }
  if (rng.Chance(0.6)) {
    t.heading = "表" + std::to_string(rng.Int(1, 9)) + " " + Phrase(rng, 2, 4);
    if (rng.Chance(0.4)) t.heading += "(单位:" + std::string(rng.Chance(0.5) ? "元" : "万元") + ")";
    t.heading_height = static_cast<int>(line * 2);
  }
  t.row_y.push_back(t.heading_height);  // relative to the table's top
  for (int h : heights) t.row_y.push_back(t.row_y.back() + h);
  return t;
}

void FillRect(cairo_t* cr, int x, int y, int w, int h) {
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill(cr);
}

// Draws `t` with its top at `top`; row_y becomes absolute.
void DrawTable(const Pen& pen, int top, DrawnTable& t) {
  for (int& y : t.row_y) y += top;
  cairo_t* cr = pen.cr;
  cairo_set_source_rgb(cr, 0, 0, 0);
  if (!t.heading.empty()) {
    pango_layout_set_alignment(pen.layout, PANGO_ALIGN_LEFT);
    pango_layout_set_width(pen.layout, -1);
    pango_layout_set_text(pen.layout, t.heading.c_str(), -1);
    cairo_move_to(cr, t.col_x.front(), top + pen.font_px * 0.4);
    pango_cairo_show_layout(cr, pen.layout);
  }
  // Every cell draws its own edges; shared edges land on the same pixels
  // because each line is a pixel-aligned filled rectangle.
  const int lw = t.line_width, half = t.line_width / 2;
  const int rows = t.truth.rows, cols = t.truth.cols;
  const bool outer = t.truth.outer_border;
  for (const DrawnCell& cell : t.cells) {
    const TableTruthCell& c = cell.truth;
    int x0 = t.col_x[c.col], x1 = t.col_x[c.col + c.colspan];
    int y0 = t.row_y[c.row], y1 = t.row_y[c.row + c.rowspan];
    if (outer || c.row > 0) FillRect(cr, x0 - half, y0 - half, x1 - x0 + lw, lw);
    if (outer || c.row + c.rowspan < rows)
      FillRect(cr, x0 - half, y1 - half, x1 - x0 + lw, lw);
    if (outer || c.col > 0) FillRect(cr, x0 - half, y0 - half, lw, y1 - y0 + lw);
    if (outer || c.col + c.colspan < cols)
      FillRect(cr, x1 - half, y0 - half, lw, y1 - y0 + lw);
    if (cell.drawn.empty()) continue;
    int width = x1 - x0 - 2 * pen.padding;
    int height = TextHeight(pen, cell.drawn, width);
    pango_layout_set_alignment(pen.layout, cell.align);
    cairo_move_to(cr, x0 + pen.padding, (y0 + y1 - height) / 2);
    pango_cairo_show_layout(cr, pen.layout);
  }
}

PageImage ToGrey(cairo_surface_t* surface, int dpi) {
  cairo_surface_flush(surface);
  PageImage image;
  image.page_number = 1;
  image.dpi = dpi;
  image.width = cairo_image_surface_get_width(surface);
  image.height = cairo_image_surface_get_height(surface);
  image.pixels.resize(static_cast<size_t>(image.width) * image.height);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < image.height; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < image.width; ++x) {
      uint32_t p = row[x];
      int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
      image.pixels[static_cast<size_t>(y) * image.width + x] =
          static_cast<uint8_t>((r * 299 + g * 587 + b * 114 + 500) / 1000);
    }
  }
  return image;
}

}  // namespace

RandomTablePage GenerateRandomTablePage(uint64_t seed,
                                        const RandomTableOptions& options) {
  Random rng(seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL);
  const int dpi = std::max(30, options.dpi);
  const int width = static_cast<int>(std::lround(210.0 / 25.4 * dpi));
  const int height = static_cast<int>(std::lround(297.0 / 25.4 * dpi));
  CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  CairoPtr cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);  // crisp rulings
  FontOptionsPtr font_options(cairo_font_options_create());
  cairo_font_options_set_antialias(font_options.get(), CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options(cr.get(), font_options.get());
  PangoLayoutPtr layout(pango_cairo_create_layout(cr.get()));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);

  Pen pen{cr.get(), layout.get(), dpi, 0, 0};
  pen.font_px = rng.Uniform(9.0, 11.5) * dpi / 72.0;
  pen.padding = static_cast<int>(pen.Px(rng.Uniform(1.0, 2.0)));
  FontDescriptionPtr font(pango_font_description_from_string(
      rng.Chance(0.6) ? "Noto Serif CJK SC" : "Noto Sans CJK SC"));
  pango_font_description_set_absolute_size(font.get(), pen.font_px * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), font.get());

  const int margin = static_cast<int>(pen.Px(rng.Uniform(15, 25)));
  const int content_width = width - 2 * margin;
  int top = margin + static_cast<int>(pen.Px(rng.Uniform(0, 25)));
  const int bottom = height - margin;
  const int wanted = rng.Int(1, std::max(1, options.max_tables));
  const int min_rows = std::max(1, options.min_rows);
  const int min_cols = std::max(1, options.min_cols);
  RandomTablePage page;
  for (int i = 0; i < wanted; ++i) {
    int cols = rng.Int(min_cols, std::max(min_cols, options.max_cols));
    int table_width = static_cast<int>(content_width * rng.Uniform(0.6, 1.0));
    int left = margin + rng.Int(0, content_width - table_width);
    bool outer = !rng.Chance(options.borderless_probability);
    // Fewer rows until the table fits; the first table always gets drawn.
    for (int rows = rng.Int(min_rows, std::max(min_rows, options.max_rows));
         rows >= min_rows; --rows) {
      DrawnTable table =
          BuildTable(rng, pen, rows, cols, table_width, left, outer, options);
      bool last_try = rows == min_rows && page.tables.empty();
      if (top + table.height() > bottom && !last_try) continue;
      DrawTable(pen, top, table);
      table.truth.box = Rect{table.col_x.front(), table.row_y.front(),
                             table.col_x.back() - table.col_x.front(),
                             table.row_y.back() - table.row_y.front()};
      page.tables.push_back(table.truth);
      for (const DrawnCell& cell : table.cells)
        page.tables.back().cells.push_back(cell.truth);
      top += table.height() + static_cast<int>(pen.Px(rng.Uniform(10, 25)));
      break;
    }
  }
  page.image = ToGrey(surface.get(), dpi);
  return page;
}

}  // namespace decltab::tools
