// Writes flowing text and ruled tables onto A4 pages of a PDF with a text
// layer (cairo-pdf + pangocairo), moving a cursor down the page and starting
// new pages as needed. Every public drawing call returns the 1-based page
// where its content starts (tables: per row), which the renderer records in
// the filled truth. Lengths are PDF points.
#ifndef DECLTAB_TOOLS_RENDER_PAGE_WRITER_H_
#define DECLTAB_TOOLS_RENDER_PAGE_WRITER_H_

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "tools/render/render_style.h"
#include "tools/render/ruled_table.h"

namespace decltab::render {

enum class Face {
  kSong,  // serif: Noto Serif CJK SC
  kHei,   // sans: Noto Sans CJK SC
};

struct TextStyle {
  Face face = Face::kSong;
  double size = 11;  // points
  bool bold = false;
};

// One table cell as drawn, for the per-cell ground truth: a merged cell cut
// by a page break appears once per page, its text only in the first part.
struct DrawnCell {
  int page = 0;   // 1-based
  int table = 0;  // 0-based, in drawing order over the whole document
  int band = 0, row = 0, col = 0;  // the band's own grid (RuledTable)
  int rowspan = 1, colspan = 1;    // rows of this part only
  double x = 0, y = 0, width = 0, height = 0;  // on the ruling lines, points
  std::string text;        // as printed, forced line breaks removed
  bool continued = false;  // the part of a merged cell after a page break
};

struct TableStyle {
  TextStyle text;
  double pad_x = 3, pad_y = 3;  // cell padding
  double line_width = 0.8;
};

class PageWriter {
 public:
  // Opens a PDF at `pdf_path`; an empty path draws into a sink that keeps
  // nothing (a counting pass). `total_pages` is the N of the "k/N" footers
  // (0 prints "k"). Fails with kInternal if cairo cannot create the file.
  static Result<std::unique_ptr<PageWriter>> Open(const std::string& pdf_path,
                                                  const RenderStyle& style,
                                                  int total_pages,
                                                  const std::string& title);
  ~PageWriter();
  PageWriter(const PageWriter&) = delete;
  PageWriter& operator=(const PageWriter&) = delete;

  int page() const;
  // Nothing drawn on the current page yet.
  bool PageEmpty() const;
  void NewPage();
  void Skip(double points);
  // Starts a new page unless `height` fits below the cursor or the page is
  // still empty: keeps a heading with what follows it.
  void KeepRoom(double height);

  // Height of `text` wrapped to the text width.
  double TextHeight(const std::string& text, const TextStyle& style);
  int CenteredText(const std::string& text, const TextStyle& style);
  // Left-aligned text (headings) without indent.
  int LeftText(const std::string& text, const TextStyle& style);
  // A body paragraph: first line indented by `indent_chars` characters,
  // justified, wrapped between characters, split across pages by lines.
  int Paragraph(const std::string& text, const TextStyle& style,
                double indent_chars);
  // Draws `table` at the full text width, breaking between rows; returns the
  // page of every row, per band. A merged cell cut by a page break goes on
  // as an empty merged cell at the top of the next page.
  std::vector<std::vector<int>> Table(const RuledTable& table,
                                      const TableStyle& style);

  // Every table cell drawn so far, in drawing order.
  const std::vector<DrawnCell>& drawn_cells() const;

  // Draws the last footer and finishes the PDF. Fails with kInternal on a
  // cairo error (e.g. the disk is full).
  Status Close();

 private:
  struct Impl;
  explicit PageWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace decltab::render

#endif  // DECLTAB_TOOLS_RENDER_PAGE_WRITER_H_
