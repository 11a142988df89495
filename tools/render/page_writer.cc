#include "tools/render/page_writer.h"

#include <cairo-pdf.h>

#include <algorithm>

#include "tools/cairo_handles.h"
#include "tools/render/table_pagination.h"

namespace decltab::render {
using namespace decltab::tools;  // NOLINT: the shared cairo handles, in this file only
namespace {

// Families from fonts-noto-cjk: Song (宋体) for body text, Hei (黑体) for
// headings, as Chinese government documents set them.
constexpr const char* kSongFamily = "Noto Serif CJK SC";
constexpr const char* kHeiFamily = "Noto Sans CJK SC";
// Fixed PDF dates so the same input and seed give the same bytes.
constexpr const char* kFixedDate = "2023-01-01T00:00:00";
// Extra space between body lines, in ems (documents use ~1.3-line spacing).
constexpr double kBodyLineGap = 0.3;
constexpr double kFooterSize = 9;

cairo_status_t DiscardBytes(void*, const unsigned char*, unsigned int) {
  return CAIRO_STATUS_SUCCESS;
}

double FromPango(int units) { return static_cast<double>(units) / PANGO_SCALE; }
int ToPango(double points) {
  return static_cast<int>(points * PANGO_SCALE + 0.5);
}

}  // namespace

struct PageWriter::Impl {
  RenderStyle style;
  int total_pages = 0;
  CairoSurfacePtr surface;
  CairoPtr cr;
  PangoContextPtr context;
  int page = 1;
  double y = 0;
  bool page_empty = true;
  int table_count = 0;
  std::vector<DrawnCell> drawn;

  double left() const { return style.margin_left; }
  double top() const { return style.margin_top; }
  double bottom() const { return style.text_bottom(); }
  double width() const { return style.text_width(); }

  PangoLayoutPtr Layout(const std::string& text, const TextStyle& ts,
                        double width, PangoAlignment align, bool justify,
                        PangoWrapMode wrap, double indent,
                        double spacing) const {
    PangoLayoutPtr layout(pango_layout_new(context.get()));
    FontDescriptionPtr font(pango_font_description_new());
    pango_font_description_set_family(
        font.get(), ts.face == Face::kHei ? kHeiFamily : kSongFamily);
    pango_font_description_set_weight(
        font.get(), ts.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    // Absolute size: device units are points on a PDF surface.
    pango_font_description_set_absolute_size(font.get(), ts.size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_width(layout.get(), ToPango(width));
    pango_layout_set_wrap(layout.get(), wrap);
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_justify(layout.get(), justify);
    pango_layout_set_indent(layout.get(), ToPango(indent));
    pango_layout_set_spacing(layout.get(), ToPango(spacing));
    pango_layout_set_text(layout.get(), text.data(),
                          static_cast<int>(text.size()));
    return layout;
  }

  static double Height(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return FromPango(logical.height);
  }

  void Footer() {
    std::string text = std::to_string(page);
    if (total_pages > 0) text += "/" + std::to_string(total_pages);
    PangoLayoutPtr layout =
        Layout(text, {Face::kSong, kFooterSize, false}, width(),
               PANGO_ALIGN_CENTER, false, PANGO_WRAP_CHAR, 0, 0);
    double h = Height(layout.get());
    double y_footer = style.page_height - style.margin_bottom / 2 - h / 2;
    cairo_move_to(cr.get(), left(), y_footer);
    pango_cairo_show_layout(cr.get(), layout.get());
  }

  void NewPage() {
    Footer();
    cairo_show_page(cr.get());
    ++page;
    y = top();
    page_empty = true;
  }

  // Draws `layout` at (x, y_top) line by line, breaking pages between
  // lines. Returns the page of the first line.
  int FlowLayout(PangoLayout* layout, double x) {
    int first_page = 0;
    double origin = y;  // page y of the layout's top on the current page
    double last_bottom = y;
    LayoutIterPtr iter(pango_layout_get_iter(layout));
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
      const double line_top = FromPango(logical.y);
      const double line_height = FromPango(logical.height);
      if (origin + line_top + line_height > bottom() && !page_empty) {
        NewPage();
        origin = y - line_top;
      }
      const double baseline =
          FromPango(pango_layout_iter_get_baseline(iter.get()));
      cairo_move_to(cr.get(), x + FromPango(logical.x), origin + baseline);
      pango_cairo_show_layout_line(
          cr.get(), pango_layout_iter_get_line_readonly(iter.get()));
      if (first_page == 0) first_page = page;
      page_empty = false;
      last_bottom = origin + line_top + line_height;
    } while (pango_layout_iter_next_line(iter.get()));
    y = last_bottom;
    return first_page == 0 ? page : first_page;
  }
};

PageWriter::PageWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PageWriter::~PageWriter() = default;

Result<std::unique_ptr<PageWriter>> PageWriter::Open(
    const std::string& pdf_path, const RenderStyle& style, int total_pages,
    const std::string& title) {
  auto impl = std::make_unique<Impl>();
  impl->style = style;
  impl->total_pages = total_pages;
  if (pdf_path.empty()) {
    impl->surface.reset(cairo_pdf_surface_create_for_stream(
        DiscardBytes, nullptr, style.page_width, style.page_height));
  } else {
    impl->surface.reset(cairo_pdf_surface_create(
        pdf_path.c_str(), style.page_width, style.page_height));
  }
  if (cairo_surface_status(impl->surface.get()) != CAIRO_STATUS_SUCCESS)
    return Status::Internal(
        pdf_path + ": cannot create PDF: " +
        cairo_status_to_string(cairo_surface_status(impl->surface.get())));
  cairo_surface_t* s = impl->surface.get();
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, kFixedDate);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, kFixedDate);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
                                 "decltab_render");
  if (!title.empty())
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title.c_str());

  impl->cr.reset(cairo_create(s));
  if (cairo_status(impl->cr.get()) != CAIRO_STATUS_SUCCESS)
    return Status::Internal("cannot create a cairo context");
  impl->context.reset(pango_cairo_create_context(impl->cr.get()));
  // Unhinted metrics: layout must not depend on the output device.
  FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(impl->context.get(), options.get());
  // Pango rounds advances to whole points by default, which makes an
  // 11.5 pt character 12 pt wide and breaks the character-counted columns.
  pango_context_set_round_glyph_positions(impl->context.get(), FALSE);
  pango_context_set_language(impl->context.get(),
                             pango_language_from_string("zh-cn"));
  cairo_set_source_rgb(impl->cr.get(), 0, 0, 0);
  impl->y = impl->top();
  return std::unique_ptr<PageWriter>(new PageWriter(std::move(impl)));
}

int PageWriter::page() const { return impl_->page; }
const std::vector<DrawnCell>& PageWriter::drawn_cells() const {
  return impl_->drawn;
}
bool PageWriter::PageEmpty() const { return impl_->page_empty; }
void PageWriter::NewPage() { impl_->NewPage(); }

void PageWriter::Skip(double points) {
  if (impl_->page_empty) return;  // no blank space at the top of a page
  impl_->y = std::min(impl_->y + points, impl_->bottom());
}

void PageWriter::KeepRoom(double height) {
  if (!impl_->page_empty && impl_->y + height > impl_->bottom())
    impl_->NewPage();
}

double PageWriter::TextHeight(const std::string& text, const TextStyle& style) {
  PangoLayoutPtr layout =
      impl_->Layout(text, style, impl_->width(), PANGO_ALIGN_LEFT, false,
                    PANGO_WRAP_WORD_CHAR, 0, kBodyLineGap * style.size);
  return Impl::Height(layout.get());
}

int PageWriter::CenteredText(const std::string& text, const TextStyle& style) {
  PangoLayoutPtr layout =
      impl_->Layout(text, style, impl_->width(), PANGO_ALIGN_CENTER, false,
                    PANGO_WRAP_WORD_CHAR, 0, kBodyLineGap * style.size);
  return impl_->FlowLayout(layout.get(), impl_->left());
}

int PageWriter::LeftText(const std::string& text, const TextStyle& style) {
  PangoLayoutPtr layout =
      impl_->Layout(text, style, impl_->width(), PANGO_ALIGN_LEFT, false,
                    PANGO_WRAP_WORD_CHAR, 0, kBodyLineGap * style.size);
  return impl_->FlowLayout(layout.get(), impl_->left());
}

int PageWriter::Paragraph(const std::string& text, const TextStyle& style,
                          double indent_chars) {
  PangoLayoutPtr layout =
      impl_->Layout(text, style, impl_->width(), PANGO_ALIGN_LEFT,
                    /*justify=*/true, PANGO_WRAP_WORD_CHAR,
                    indent_chars * style.size, kBodyLineGap * style.size);
  return impl_->FlowLayout(layout.get(), impl_->left());
}

namespace {

// One cell as laid out for drawing.
struct PlacedCell {
  const GridCell* cell;
  int band;
  int first_row;  // global row index
  double x, width;
  double text_height;
  PangoLayoutPtr layout;
};

// Forced line breaks removed: wrapped lines join without a space.
std::string JoinedText(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != '\n') out.push_back(c);
  return out;
}

// The part of `p` spanning global rows [begin, end), drawn on `page`.
DrawnCell Drawn(const PlacedCell& p, int begin, int end, double top,
                double height, int page, int table) {
  DrawnCell d;
  d.page = page;
  d.table = table;
  d.band = p.band;
  d.row = p.cell->row + (begin - p.first_row);
  d.col = p.cell->col;
  d.rowspan = end - begin;
  d.colspan = p.cell->colspan;
  d.x = p.x;
  d.y = top;
  d.width = p.width;
  d.height = height;
  d.continued = begin > p.first_row;
  if (!d.continued) d.text = JoinedText(p.cell->text);
  return d;
}

}  // namespace

std::vector<std::vector<int>> PageWriter::Table(const RuledTable& table,
                                                const TableStyle& ts) {
  Impl& w = *impl_;
  const double x0 = w.left();
  const double one_line =
      Impl::Height(w.Layout("国", ts.text, 100, PANGO_ALIGN_LEFT, false,
                            PANGO_WRAP_CHAR, 0, 0)
                       .get());
  const double min_row = one_line + 2 * ts.pad_y;

  // Lay out every cell; uncovered grid positions become empty cells.
  std::vector<GridCell> fillers;
  for (const GridBand& band : table.bands)
    for (int r = 0; r < band.row_count; ++r)
      for (int c = 0; c < static_cast<int>(band.col_widths.size()); ++c)
        if (band.CellAt(r, c) == nullptr)
          fillers.push_back(GridCell{r, c, 1, 1, "", false, HAlign::kCenter});
  // `fillers` is complete: pointers into it below stay valid.

  std::vector<PlacedCell> cells;
  std::vector<double> heights;
  std::vector<KeepTogether> keeps;
  std::vector<std::pair<int, int>> row_band;  // global row -> (band, row)
  size_t filler_index = 0;
  int base = 0;
  for (size_t b = 0; b < table.bands.size(); ++b) {
    const GridBand& band = table.bands[b];
    std::vector<double> xs(band.col_widths.size() + 1, x0);
    for (size_t c = 0; c < band.col_widths.size(); ++c)
      xs[c + 1] = xs[c] + band.col_widths[c];
    std::vector<const GridCell*> band_cells;
    for (const GridCell& c : band.cells) band_cells.push_back(&c);
    for (int r = 0; r < band.row_count; ++r)
      for (int c = 0; c < static_cast<int>(band.col_widths.size()); ++c)
        if (band.CellAt(r, c) == nullptr)
          band_cells.push_back(&fillers[filler_index++]);

    std::vector<double> row_h(band.row_count, min_row);
    std::vector<PlacedCell> placed;
    for (const GridCell* cell : band_cells) {
      const int last_col =
          std::min<int>(cell->col + cell->colspan, band.col_widths.size());
      PlacedCell p{cell,
                   static_cast<int>(b),
                   base + cell->row,
                   xs[cell->col],
                   xs[last_col] - xs[cell->col],
                   0,
                   nullptr};
      TextStyle text_style = ts.text;
      text_style.bold = cell->bold;
      const bool left = cell->align == HAlign::kLeft;
      // No justification in cells: a short justified line spreads its
      // characters so far apart that text extraction reads spaces.
      p.layout = w.Layout(cell->text, text_style,
                          std::max(1.0, p.width - 2 * ts.pad_x),
                          left ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER,
                          /*justify=*/false, PANGO_WRAP_CHAR, 0, 0);
      p.text_height = cell->text.empty() ? 0 : Impl::Height(p.layout.get());
      if (cell->rowspan == 1 && cell->row < band.row_count)
        row_h[cell->row] =
            std::max(row_h[cell->row], p.text_height + 2 * ts.pad_y);
      placed.push_back(std::move(p));
    }
    // Merged cells too tall for their rows grow those rows evenly; shorter
    // spans first, so a long span sees the rows its inner spans grew.
    std::vector<PlacedCell*> merged;
    for (PlacedCell& p : placed)
      if (p.cell->rowspan > 1) merged.push_back(&p);
    std::stable_sort(merged.begin(), merged.end(),
                     [](const PlacedCell* a, const PlacedCell* b) {
                       return a->cell->rowspan < b->cell->rowspan;
                     });
    for (PlacedCell* p : merged) {
      const int r0 = p->cell->row;
      const int r1 = std::min(r0 + p->cell->rowspan, band.row_count);
      double have = 0;
      for (int r = r0; r < r1; ++r) have += row_h[r];
      const double need = p->text_height + 2 * ts.pad_y;
      if (have < need)
        for (int r = r0; r < r1; ++r) row_h[r] += (need - have) / (r1 - r0);
      if (!p->cell->text.empty()) keeps.push_back({base + r0, r1 - r0, need});
    }
    for (int r : band.keep_with_next)
      if (r + 1 < band.row_count)
        keeps.push_back({base + r, 2, row_h[r] + row_h[r + 1]});
    for (int r = 0; r < band.row_count; ++r) {
      heights.push_back(row_h[r]);
      row_band.push_back({static_cast<int>(b), r});
    }
    for (PlacedCell& p : placed) cells.push_back(std::move(p));
    base += band.row_count;
  }

  std::vector<std::vector<int>> row_pages(table.bands.size());
  for (size_t b = 0; b < table.bands.size(); ++b)
    row_pages[b].assign(table.bands[b].row_count, 0);
  const std::vector<PageSlice> slices = PaginateRows(
      heights, keeps, w.bottom() - w.y, w.bottom() - w.top(), !w.page_empty);

  cairo_t* cr = w.cr.get();
  cairo_set_line_width(cr, ts.line_width);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  for (const PageSlice& slice : slices) {
    if (slice.new_page_before) w.NewPage();
    std::vector<double> row_top(heights.size() + 1, 0);
    double y = w.y;
    for (int r = slice.begin; r < slice.end; ++r) {
      row_top[r] = y;
      y += heights[r];
      row_pages[row_band[r].first][row_band[r].second] = w.page;
    }
    row_top[slice.end] = y;
    for (const PlacedCell& p : cells) {
      const int first = p.first_row;
      const int last = first + p.cell->rowspan;  // exclusive
      const int vis_begin = std::max(first, slice.begin);
      const int vis_end = std::min(last, slice.end);
      if (vis_begin >= vis_end) continue;
      const double top = row_top[vis_begin];
      const double height = row_top[vis_end] - top;
      cairo_rectangle(cr, p.x, top, p.width, height);
      w.drawn.push_back(
          Drawn(p, vis_begin, vis_end, top, height, w.page, w.table_count));
      // Text goes in the part where the cell starts; a continuation part
      // at the top of the next page stays empty.
      if (first >= slice.begin && p.text_height > 0) {
        cairo_stroke(cr);  // keep the path of the rule apart from the text
        cairo_move_to(cr, p.x + ts.pad_x,
                      top + std::max(0.0, (height - p.text_height) / 2));
        pango_cairo_show_layout(cr, p.layout.get());
        cairo_new_path(cr);
      }
    }
    cairo_stroke(cr);
    w.y = y;
    w.page_empty = false;
  }
  ++w.table_count;
  return row_pages;
}

Status PageWriter::Close() {
  Impl& w = *impl_;
  w.Footer();
  cairo_show_page(w.cr.get());
  w.context.reset();
  w.cr.reset();
  cairo_surface_finish(w.surface.get());
  cairo_status_t status = cairo_surface_status(w.surface.get());
  w.surface.reset();
  if (status != CAIRO_STATUS_SUCCESS)
    return Status::Internal(std::string("cannot write the PDF: ") +
                            cairo_status_to_string(status));
  return Status::Ok();
}

}  // namespace decltab::render
