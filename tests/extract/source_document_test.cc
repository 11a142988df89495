#include "extract/source_document.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extract/sha256.h"
#include "tests/extract/test_pdf.h"

namespace decltab::extract {
namespace {

using testing::TextRun;
using testing::WriteFile;

class SourceDocumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/decltab_extract_XXXXXX";
    ASSERT_NE(nullptr, mkdtemp(tmpl));
    dir_ = tmpl;
  }
  void TearDown() override {
    std::string cmd = "rm -rf '" + dir_ + "'";
    ASSERT_EQ(0, std::system(cmd.c_str()));
  }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  std::string dir_;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// 300 × 200 pt, text near the top-left (PDF y runs upwards).
std::string FormPdf() {
  return testing::TextLayerPdf(
      300, 200,
      {{20, 160, 12, "财政项目支出绩效目标填报表"},
       {20, 120, 12, "项目资金总额"},
       {110, 120, 12, "37800000.00"},
       {20, 80, 12, "产出指标"}});
}

TEST_F(SourceDocumentTest, RejectsUnusableFiles) {
  const std::string pdf = FormPdf();
  const struct {
    const char* name;
    std::string bytes;
    const char* message;
  } kCases[] = {
      {"empty.pdf", "", "empty file"},
      {"notes.txt", "项目资金总额 37800000.00\n", "not a PDF or image"},
      {"truncated.pdf", pdf.substr(0, 9), "damaged PDF"},
      {"garbage.pdf", "%PDF-1.4\n" + std::string(200, 'x'), "damaged PDF"},
      {"nopages.pdf", testing::NoPagesPdf(), "PDF has no pages"},
      {"locked.pdf", testing::EncryptedPdf(), "encrypted PDF (password required)"},
      {"broken.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0'),
       "damaged image"},
  };
  for (const auto& c : kCases) {
    WriteFile(Path(c.name), c.bytes);
    Result<SourceDocument> doc = SourceDocument::Open(Path(c.name));
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(Status::Code::kInvalidInput, doc.status().code()) << c.name;
    EXPECT_EQ(c.message, doc.status().message()) << c.name;
  }
  Result<SourceDocument> missing = SourceDocument::Open(Path("missing.pdf"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(Status::Code::kInvalidInput, missing.status().code());
  EXPECT_EQ("cannot read file: No such file or directory",
            missing.status().message());
}

// PDFs cut in the body or before the trailer, as an interrupted download
// leaves them: refused as unusable input, never a crash.
TEST_F(SourceDocumentTest, TruncatedPdfIsDamaged) {
  const std::string pdf = FormPdf();
  for (size_t keep : {pdf.size() / 4, pdf.size() / 2, pdf.size() - 30}) {
    WriteFile(Path("cut.pdf"), pdf.substr(0, keep));
    Result<SourceDocument> doc = SourceDocument::Open(Path("cut.pdf"));
    ASSERT_FALSE(doc.ok()) << keep;
    EXPECT_EQ(Status::Code::kInvalidInput, doc.status().code()) << keep;
    EXPECT_EQ("damaged PDF", doc.status().message()) << keep;
  }
}

TEST_F(SourceDocumentTest, OpensPdfWithTextLayer) {
  const std::string bytes = FormPdf();
  WriteFile(Path("form.pdf"), bytes);
  Result<SourceDocument> doc = SourceDocument::Open(Path("form.pdf"));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(1, doc->page_count());
  EXPECT_FALSE(doc->is_image());
  EXPECT_EQ(Sha256Hex(bytes.data(), bytes.size()), doc->sha256());

  Result<PageImage> page = doc->RenderPage(0, RenderOptions{144});
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(1, page->page_number);
  EXPECT_EQ(144, page->dpi);
  EXPECT_EQ(600, page->width);  // 300 pt at 144 dpi
  EXPECT_EQ(400, page->height);
  ASSERT_EQ(600u * 400u, page->pixels.size());
  // The ruled line at y = 10 pt from the bottom is drawn dark.
  const int line_y = 400 - 20;
  EXPECT_LT(*std::min_element(page->pixels.begin() + line_y * 600,
                              page->pixels.begin() + (line_y + 1) * 600),
            128);
  EXPECT_EQ(255, page->pixels[0]);

  Result<std::vector<Word>> words = doc->TextLayer(0, 144);
  ASSERT_TRUE(words.ok()) << words.status().message();
  ASSERT_EQ(4u, words->size());
  // Poppler orders words by its reading-flow analysis: look them up.
  auto find = [&](const std::string& text) {
    return std::find_if(words->begin(), words->end(),
                        [&](const Word& w) { return w.text == text; });
  };
  ASSERT_NE(words->end(), find("37800000.00"));
  ASSERT_NE(words->end(), find("财政项目支出绩效目标填报表"));
  ASSERT_NE(words->end(), find("产出指标"));
  auto funds_it = find("项目资金总额");
  ASSERT_NE(words->end(), funds_it);
  const Word& funds = *funds_it;
  // Baseline at 120 pt from the bottom, 6 glyphs of 12 pt: x 20..92 pt,
  // y 80 - ascent .. 80 + descent (top-down), times 2 px per point.
  EXPECT_NEAR(40, funds.box.x, 2);
  EXPECT_NEAR(144, funds.box.width, 3);
  EXPECT_GT(funds.box.y, 130);
  EXPECT_LT(funds.box.bottom(), 180);
  EXPECT_NEAR(220, find("37800000.00")->box.x, 2);  // 110 pt
  EXPECT_TRUE(TextLayerUsable(*words));
}

TEST_F(SourceDocumentTest, CapsPixelsByLoweringDpi) {
  WriteFile(Path("form.pdf"), FormPdf());
  Result<SourceDocument> doc = SourceDocument::Open(Path("form.pdf"));
  ASSERT_TRUE(doc.ok());
  RenderOptions options;
  options.dpi = 300;                // would be 1250 × 833
  options.max_pixels = 600 * 400;   // fits at 144 dpi
  Result<PageImage> page = doc->RenderPage(0, options);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(144, page->dpi);
  EXPECT_LE(static_cast<int64_t>(page->width) * page->height, options.max_pixels);
}

// The status of rendering the one page of a PDF whose page box is `points`
// square.
Status RenderSquarePage(int points) {
  const std::string box = std::to_string(points);
  const std::string pdf = testing::AssemblePdf(
      {"<< /Type /Catalog /Pages 2 0 R >>",
       "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + box + " " + box + "] >>"});
  Result<SourceDocument> doc =
      SourceDocument::FromBytes(std::vector<uint8_t>(pdf.begin(), pdf.end()));
  if (!doc.ok()) return doc.status();
  Result<PageImage> page = doc->RenderPage(0, RenderOptions{});
  return page.ok() ? Status::Ok() : page.status();
}

// A page box 2,000,000 pt square exceeds the pixel cap even at 1 dpi:
// refused as unusable input instead of allocating gigabytes.
TEST(SourceDocumentBytesTest, RefusesPagesTooLargeToRender) {
  Status rendered = RenderSquarePage(2000000);
  EXPECT_EQ(Status::Code::kInvalidInput, rendered.code());
  EXPECT_EQ("page 1: page too large to render (2000000 x 2000000 pt)",
            rendered.message());
}

// 20000 pt square fits the pixel cap only at 27 dpi, where no text can be
// read: refused before rendering (it took 12 s and 882 MB, then "blank").
TEST(SourceDocumentBytesTest, RefusesPagesReadableOnlyBelowFiftyDpi) {
  Status rendered = RenderSquarePage(20000);
  EXPECT_EQ(Status::Code::kInvalidInput, rendered.code());
  EXPECT_EQ("page 1: page too large to render (20000 x 20000 pt)", rendered.message());
}

// Text set in a font 10^14 pt high lies far off the page; its box is
// clamped instead of overflowing int (undefined behaviour before).
TEST(SourceDocumentBytesTest, ClampsTextLayerBoxesFarOffThePage) {
  const std::string pdf =
      testing::TextLayerPdf(300, 200, {{20, 100, 1e14, "项目"}});
  Result<SourceDocument> doc =
      SourceDocument::FromBytes(std::vector<uint8_t>(pdf.begin(), pdf.end()));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  Result<std::vector<Word>> words = doc->TextLayer(0, 300);
  ASSERT_TRUE(words.ok()) << words.status().message();
  ASSERT_FALSE(words->empty());
  for (const Word& w : *words) {
    EXPECT_GE(w.box.x, -100'000'000) << w.text;
    EXPECT_GE(w.box.y, -100'000'000) << w.text;
    EXPECT_LE(w.box.right(), 200'000'000) << w.text;
    EXPECT_LE(w.box.bottom(), 200'000'000) << w.text;
    EXPECT_GT(w.box.width, 0) << w.text;
    EXPECT_GT(w.box.height, 0) << w.text;
  }
}

// Control characters in a text layer (ESC, BEL, a right-to-left override)
// went raw into CSV and SQLite: they come out as visible escapes.
TEST(SourceDocumentBytesTest, TextLayerControlsBecomeVisibleEscapes) {
  const std::string pdf = testing::TextLayerPdf(
      300, 200, {{20, 100, 12, "项目\x1b[2J\x07"}, {20, 150, 12, "\xE2\x80\xAE" "txt.exe"}});
  Result<SourceDocument> doc =
      SourceDocument::FromBytes(std::vector<uint8_t>(pdf.begin(), pdf.end()));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  Result<std::vector<Word>> words = doc->TextLayer(0, 300);
  ASSERT_TRUE(words.ok()) << words.status().message();
  std::string all;
  for (const Word& w : *words) all += w.text + "|";
  EXPECT_NE(std::string::npos, all.find("\\x1B[2J\\x07")) << all;
  EXPECT_NE(std::string::npos, all.find("\\u202Etxt.exe")) << all;
  EXPECT_EQ(std::string::npos, all.find('\x1b')) << all;
  EXPECT_EQ(std::string::npos, all.find("\xE2\x80\xAE")) << all;
}

TEST(SourceDocumentBytesTest, OpensFromMemoryLikeFromFile) {
  const std::string pdf = FormPdf();
  Result<SourceDocument> doc =
      SourceDocument::FromBytes(std::vector<uint8_t>(pdf.begin(), pdf.end()));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(1, doc->page_count());
  EXPECT_EQ(Sha256Hex(reinterpret_cast<const uint8_t*>(pdf.data()), pdf.size()),
            doc->sha256());
  EXPECT_EQ("empty file",
            SourceDocument::FromBytes({}).status().message());
}

TEST_F(SourceDocumentTest, RejectsBadPageIndexAndDpi) {
  WriteFile(Path("form.pdf"), FormPdf());
  Result<SourceDocument> doc = SourceDocument::Open(Path("form.pdf"));
  ASSERT_TRUE(doc.ok());
  Result<PageImage> page = doc->RenderPage(1, RenderOptions{});
  ASSERT_FALSE(page.ok());
  EXPECT_EQ("page index 1 out of range (1 pages)", page.status().message());
  Result<std::vector<Word>> words = doc->TextLayer(0, 0);
  ASSERT_FALSE(words.ok());
  EXPECT_EQ("dpi must be positive, got 0", words.status().message());
}

TEST_F(SourceDocumentTest, OpensPngAsOnePageImage) {
  Result<SourceDocument> doc =
      SourceDocument::Open("tests/extract/testdata/wan_300_clean.png");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_TRUE(doc->is_image());
  EXPECT_EQ(1, doc->page_count());
  const std::string bytes = ReadAll("tests/extract/testdata/wan_300_clean.png");
  EXPECT_EQ(Sha256Hex(bytes.data(), bytes.size()), doc->sha256());
  cv::Mat expected =
      cv::imread("tests/extract/testdata/wan_300_clean.png", cv::IMREAD_GRAYSCALE);
  Result<PageImage> page = doc->RenderPage(0, RenderOptions{});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(expected.cols, page->width);
  EXPECT_EQ(expected.rows, page->height);
  EXPECT_TRUE(std::equal(page->pixels.begin(), page->pixels.end(), expected.data));
  Result<std::vector<Word>> words = doc->TextLayer(0, 300);
  ASSERT_TRUE(words.ok());
  EXPECT_TRUE(words->empty());
}

TEST_F(SourceDocumentTest, OpensMultiPageTiffAndScalesFineScansDown) {
  // Two A4 pages at 150 dpi (no resolution tag: estimated from the width).
  std::vector<cv::Mat> pages = {cv::Mat(1754, 1240, CV_8UC1, cv::Scalar(255)),
                                cv::Mat(1754, 1240, CV_8UC1, cv::Scalar(0))};
  pages[0](cv::Rect(0, 0, 10, 10)).setTo(0);
  ASSERT_TRUE(cv::imwritemulti(Path("scan.tif"), pages));
  Result<SourceDocument> doc = SourceDocument::Open(Path("scan.tif"));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_TRUE(doc->is_image());
  ASSERT_EQ(2, doc->page_count());
  Result<PageImage> first = doc->RenderPage(0, RenderOptions{150});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(150, first->dpi);
  EXPECT_EQ(1240, first->width);
  EXPECT_EQ(0, first->pixels[0]);
  EXPECT_EQ(255, first->pixels.back());
  // Asked for 100 dpi: the 150 dpi scan is scaled down, never up.
  Result<PageImage> second = doc->RenderPage(1, RenderOptions{100});
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(2, second->page_number);
  EXPECT_EQ(100, second->dpi);
  EXPECT_NEAR(827, second->width, 1);
  EXPECT_NEAR(1169, second->height, 1);
  EXPECT_EQ(0, second->pixels[0]);
  Result<PageImage> not_up = doc->RenderPage(1, RenderOptions{600});
  ASSERT_TRUE(not_up.ok());
  EXPECT_EQ(150, not_up->dpi);
}

TEST_F(SourceDocumentTest, IsMovable) {
  WriteFile(Path("form.pdf"), FormPdf());
  Result<SourceDocument> doc = SourceDocument::Open(Path("form.pdf"));
  ASSERT_TRUE(doc.ok());
  SourceDocument moved = std::move(doc).value();
  EXPECT_EQ(1, moved.page_count());
  EXPECT_TRUE(moved.RenderPage(0, RenderOptions{72}).ok());
}

}  // namespace
}  // namespace decltab::extract
