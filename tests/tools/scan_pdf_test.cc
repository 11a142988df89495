#include "tools/scan/pdf_scan.h"

#include <cairo-pdf.h>

#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include "tools/cairo_handles.h"

namespace decltab::tools {
namespace {

namespace fs = std::filesystem;

// A born-digital A4 PDF with a text layer: a heading and a small ruled table
// on each page.
void WriteTextPdf(const std::string& path, int pages) {
  CairoSurfacePtr surface(cairo_pdf_surface_create(path.c_str(), 595.276, 841.89));
  CairoPtr cr(cairo_create(surface.get()));
  PangoLayoutPtr layout(pango_cairo_create_layout(cr.get()));
  FontDescriptionPtr font(pango_font_description_from_string("Noto Serif CJK SC 14"));
  pango_layout_set_font_description(layout.get(), font.get());
  for (int p = 1; p <= pages; ++p) {
    std::string text = "项目资金 第" + std::to_string(p) + "页 37800000.00";
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    cairo_move_to(cr.get(), 72, 72);
    pango_cairo_show_layout(cr.get(), layout.get());
    cairo_set_line_width(cr.get(), 1);
    for (int i = 0; i < 4; ++i) {
      cairo_move_to(cr.get(), 72, 150 + 30 * i);
      cairo_line_to(cr.get(), 520, 150 + 30 * i);
    }
    for (int x : {72, 250, 520}) {
      cairo_move_to(cr.get(), x, 150);
      cairo_line_to(cr.get(), x, 240);
    }
    cairo_stroke(cr.get());
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  ASSERT_EQ(CAIRO_STATUS_SUCCESS, cairo_surface_status(surface.get()));
}

// The page's text layer without whitespace: poppler-cpp reports an
// image-only page as "\f".
std::string VisibleText(const poppler::page& page) {
  std::vector<char> utf8 = page.text().to_utf8();
  std::string visible;
  for (char c : utf8)
    if (!std::isspace(static_cast<unsigned char>(c))) visible += c;
  return visible;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class ScanPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("scan_pdf_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    in_ = (dir_ / "in.pdf").string();
    WriteTextPdf(in_, 3);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Low resolution keeps the tests quick; the code path is the same.
  static ScanOptions Options() {
    ScanOptions options = ScanOptions::Preset("skew200");
    options.dpi = 60;
    return options;
  }

  fs::path dir_;
  std::string in_;
};

TEST_F(ScanPdfTest, InputHasATextLayer) {  // or the next test proves nothing
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(in_));
  ASSERT_TRUE(doc);
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  EXPECT_EQ("项目资金第1页37800000.00", VisibleText(*page));
}

TEST_F(ScanPdfTest, WritesImageOnlyPagesOfTheSameSize) {
  std::string out = (dir_ / "out.pdf").string();
  ASSERT_TRUE(ScanPdf(in_, out, Options(), 1).ok());
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(out));
  ASSERT_TRUE(doc);
  ASSERT_EQ(3, doc->pages());
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    ASSERT_TRUE(page);
    EXPECT_EQ("", VisibleText(*page)) << "page " << i + 1;
    poppler::rectf box = page->page_rect(poppler::media_box);
    EXPECT_NEAR(595.3, box.width(), 0.5);
    EXPECT_NEAR(841.9, box.height(), 0.5);
    // The scan still shows the page: some ink, mostly paper.
    poppler::image image = renderer.render_page(page.get(), 60, 60);
    ASSERT_TRUE(image.is_valid());
    int dark = 0, total = 0;
    for (int y = 0; y < image.height(); ++y)
      for (int x = 0; x < image.width(); ++x, ++total)
        if (static_cast<uint8_t>(image.const_data()[y * image.bytes_per_row() + x]) < 128)
          ++dark;
    EXPECT_GT(dark, 20) << "page " << i + 1;
    EXPECT_LT(dark, total / 10) << "page " << i + 1;
  }
}

TEST_F(ScanPdfTest, SameSeedSameBytes) {
  std::string a = (dir_ / "a.pdf").string(), b = (dir_ / "b.pdf").string(),
              c = (dir_ / "c.pdf").string();
  ASSERT_TRUE(ScanPdf(in_, a, Options(), 7).ok());
  ASSERT_TRUE(ScanPdf(in_, b, Options(), 7).ok());
  ASSERT_TRUE(ScanPdf(in_, c, Options(), 8).ok());
  EXPECT_EQ(ReadBytes(a), ReadBytes(b));
  EXPECT_NE(ReadBytes(a), ReadBytes(c));
}

TEST_F(ScanPdfTest, ScansOnlyTheRequestedPages) {
  std::string out = (dir_ / "range.pdf").string();
  ASSERT_TRUE(ScanPdf(in_, out, Options(), 1, 2, 3).ok());
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(out));
  ASSERT_TRUE(doc);
  EXPECT_EQ(2, doc->pages());
  Status empty = ScanPdf(in_, out, Options(), 1, 3, 2);
  EXPECT_EQ(Status::Code::kInvalidInput, empty.code());
}

TEST_F(ScanPdfTest, UnreadableInputIsInvalidAndLeavesNoOutput) {
  std::string bogus = (dir_ / "bogus.pdf").string();
  std::ofstream(bogus) << "not a pdf";
  std::string out = (dir_ / "never.pdf").string();
  Status status = ScanPdf(bogus, out, Options(), 1);
  EXPECT_EQ(Status::Code::kInvalidInput, status.code());
  EXPECT_EQ(bogus + ": cannot open PDF", status.message());
  status = ScanPdf((dir_ / "missing.pdf").string(), out, Options(), 1);
  EXPECT_EQ(Status::Code::kInvalidInput, status.code());
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
}

TEST_F(ScanPdfTest, UnwritableOutputIsAnInternalError) {
  std::string out = (dir_ / "no-such-dir" / "out.pdf").string();
  Status status = ScanPdf(in_, out, Options(), 1);
  EXPECT_EQ(Status::Code::kInternal, status.code());
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace decltab::tools
