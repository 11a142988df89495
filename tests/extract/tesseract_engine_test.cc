// Real OCR on committed sample cells (rendered with Noto Serif CJK, ruled
// like the form; *_scan variants blurred, noisy and JPEG-compressed).
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "extract/ocr_engine.h"
#include "extract/region_reader.h"
#include "tests/extract/mat_page.h"

namespace decltab::extract {
namespace {

const char kTestdata[] = "tests/extract/testdata/";

// Loads a cell image and binarizes it once, as the layout stage does for a
// page (adaptive mean threshold over about 4 mm).
PageImage LoadBinarized(const std::string& file, int dpi) {
  cv::Mat grey = cv::imread(kTestdata + file, cv::IMREAD_GRAYSCALE);
  if (grey.empty()) return PageImage{};
  cv::Mat binary;
  cv::adaptiveThreshold(grey, binary, 255, cv::ADAPTIVE_THRESH_MEAN_C,
                        cv::THRESH_BINARY, static_cast<int>(4 * dpi / 25.4) | 1,
                        20);
  return MatPage(binary, dpi);
}

class TesseractCellTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<OcrEngine>> created =
        CreateTesseractEngine(TesseractOptions{});
    ASSERT_TRUE(created.ok()) << created.status().message();
    engine_ = std::move(created).value().release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  static OcrEngine* engine_;
};
OcrEngine* TesseractCellTest::engine_ = nullptr;

TEST_F(TesseractCellTest, ReadsSampleCellsExactly) {
  const struct {
    const char* file;
    int dpi;
    const char* text;
  } kCases[] = {
      {"funds_total_300_clean.png", 300, "项目资金总额"},
      {"amount_300_clean.png", 300, "37800000.00"},
      {"ge90_300_clean.png", 300, ">=90%"},
      {"output_ind_300_clean.png", 300, "产出指标"},
      {"wan_300_clean.png", 300, "25万元"},
      {"two_line_300_clean.png", 300, "项目总目标(2023年-2023年)"},
      {"amount_150_scan.png", 150, "37800000.00"},
      {"wan_150_scan.png", 150, "25万元"},
  };
  for (const auto& c : kCases) {
    PageImage page = LoadBinarized(c.file, c.dpi);
    ASSERT_FALSE(page.empty()) << c.file;
    // The cell inside its ruling lines, one pixel of line left in, as a
    // layout stage may give it.
    const int k = c.dpi >= 300 ? 2 : 1;
    const Rect cell{k, k, page.width - 2 * k, page.height - 2 * k};
    Result<std::vector<OcrText>> texts =
        ReadRegions(page, {cell}, *engine_, RegionOptions{});
    ASSERT_TRUE(texts.ok()) << texts.status().message();
    ASSERT_EQ(1u, texts->size());
    EXPECT_EQ(c.text, (*texts)[0].text) << c.file;
    EXPECT_GT((*texts)[0].confidence, 0.5f) << c.file;
  }
}

TEST_F(TesseractCellTest, DigitModeKeepsToNumericSigns) {
  PageImage page = LoadBinarized("amount_300_clean.png", 300);
  ASSERT_FALSE(page.empty());
  cv::Mat image(page.height, page.width, CV_8UC1, page.pixels.data());
  cv::Mat inner = image(cv::Rect(10, 10, page.width - 20, page.height - 20)).clone();
  Result<OcrText> text =
      engine_->Recognize(inner.data, inner.cols, inner.rows, OcrMode::kDigits);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ("37800000.00", text->text);
}

TEST_F(TesseractCellTest, BlankImageGivesEmptyText) {
  std::vector<uint8_t> white(200 * 60, 255);
  Result<OcrText> text =
      engine_->Recognize(white.data(), 200, 60, OcrMode::kSingleLine);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ("", text->text);
}

TEST_F(TesseractCellTest, RejectsEmptyImage) {
  uint8_t pixel = 0;
  EXPECT_EQ(Status::Code::kInvalidInput,
            engine_->Recognize(&pixel, 0, 0, OcrMode::kBlock).status().code());
  EXPECT_EQ(Status::Code::kInvalidInput,
            engine_->Recognize(nullptr, 10, 10, OcrMode::kBlock).status().code());
}

TEST(CreateTesseractEngineTest, MissingLanguageIsInvalidInput) {
  TesseractOptions options;
  options.languages = "no_such_language";
  Result<std::unique_ptr<OcrEngine>> engine = CreateTesseractEngine(options);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(Status::Code::kInvalidInput, engine.status().code());
  EXPECT_EQ("cannot load Tesseract language \"no_such_language\"",
            engine.status().message());
}

}  // namespace
}  // namespace decltab::extract
