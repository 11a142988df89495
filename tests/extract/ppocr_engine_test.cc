// The PP-OCR engine with the real converted model (tools/bootstrap.sh makes
// it in build/models/ppocr; ./test.sh always runs bootstrap). Skipped only
// when the model is absent.
#include "extract/ppocr_engine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/region_reader.h"
#include "tests/extract/mat_page.h"
#include "tests/extract/render_text_line.h"

namespace decltab::extract {
namespace {

class PpOcrEngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!CheckPpOcrModel(PpOcrOptions{}).ok()) return;
    Result<std::unique_ptr<OcrEngine>> created = CreatePpOcrEngine(PpOcrOptions{});
    ASSERT_TRUE(created.ok()) << created.status().message();
    engine_ = std::move(created).value().release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  void SetUp() override {
    if (!engine_)
      GTEST_SKIP() << CheckPpOcrModel(PpOcrOptions{}).message();
  }
  // Reads `text` rendered in `font` as the pipeline does: a region of a
  // 300 dpi page through ReadRegions.
  static OcrText ReadRendered(const std::string& text, const std::string& font) {
    const cv::Mat grey = RenderTextLine(text, font);
    const Result<std::vector<OcrText>> read =
        ReadRegions(MatPage(grey, 300), {Rect{0, 0, grey.cols, grey.rows}}, *engine_,
                    RegionOptions{});
    EXPECT_TRUE(read.ok()) << read.status().message();
    return read.ok() ? read->front() : OcrText{};
  }
  static OcrEngine* engine_;
};
OcrEngine* PpOcrEngineTest::engine_ = nullptr;

TEST_F(PpOcrEngineTest, ReadsComparisonSignsRatesAndAmountsExactly) {
  for (const char* font : {"Noto Serif CJK SC 42px", "Noto Sans CJK SC 42px",
                           "Noto Serif CJK SC 25px"}) {
    for (const char* text : {"≥90%", "≤5%", "及时率", "满意度≥95%", "1234.50万元",
                             "项目资金总额", "≥100人"}) {
      const OcrText read = ReadRendered(text, font);
      EXPECT_EQ(read.text, text) << font;
      EXPECT_GE(read.confidence, 0.85f) << text << " in " << font;
    }
  }
}

TEST_F(PpOcrEngineTest, ReadsABlockLineByLine) {
  const cv::Mat grey = RenderTextLine("项目总目标\n满意度≥95%", "Noto Sans CJK SC 40px");
  Result<OcrText> read =
      engine_->Recognize(grey.data, grey.cols, grey.rows, OcrMode::kBlock);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->text, "项目总目标\n满意度≥95%");
}

TEST_F(PpOcrEngineTest, DigitsModeReadsOnlyNumericCharacters) {
  const cv::Mat grey = RenderTextLine("≤45元", "Noto Sans CJK SC 40px");
  Result<OcrText> text =
      engine_->Recognize(grey.data, grey.cols, grey.rows, OcrMode::kSingleLine);
  Result<OcrText> digits =
      engine_->Recognize(grey.data, grey.cols, grey.rows, OcrMode::kDigits);
  ASSERT_TRUE(text.ok() && digits.ok());
  EXPECT_EQ(text->text, "≤45元");
  EXPECT_EQ(digits->text.rfind("≤45", 0), 0u) << digits->text;
  EXPECT_EQ(digits->text.find("元"), std::string::npos);
}

TEST_F(PpOcrEngineTest, BlankImageReadsNothing) {
  const cv::Mat white(40, 200, CV_8UC1, cv::Scalar(255));
  Result<OcrText> read =
      engine_->Recognize(white.data, white.cols, white.rows, OcrMode::kSingleLine);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->text, "");
}

TEST(PpOcrModelTest, MissingModelNamesTheFileAndTheBootstrapCommand) {
  PpOcrOptions options;
  options.model_dir = "/nonexistent/ppocr";
  const Status status = CheckPpOcrModel(options);
  EXPECT_EQ(status.code(), Status::Code::kNotFound);
  EXPECT_NE(status.message().find("/nonexistent/ppocr/ppocr_rec_cv46.onnx"),
            std::string::npos);
  EXPECT_NE(status.message().find("tools/bootstrap.sh"), std::string::npos);
  EXPECT_FALSE(CreatePpOcrEngine(options).ok());
}

}  // namespace
}  // namespace decltab::extract
