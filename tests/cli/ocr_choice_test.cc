// --ocr: which engine a choice settles to, and what a missing PP-OCR model
// does to each choice.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/read_document.h"

namespace decltab::cli {
namespace {

ReadOptions WithModelDir(OcrChoice choice, const std::string& dir) {
  ReadOptions options;
  options.ocr_engine = choice;
  options.ppocr.model_dir = dir;
  return options;
}

TEST(ResolveOcrChoiceTest, AutoFallsBackToTesseractWithOneWarning) {
  ReadOptions options = WithModelDir(OcrChoice::kAuto, "/nonexistent/ppocr");
  std::vector<std::string> warnings;
  const Status status = ResolveOcrChoice(
      &options, [&](const std::string& line) { warnings.push_back(line); });
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(options.ocr_engine, OcrChoice::kTesseract);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("/nonexistent/ppocr/ppocr_rec_cv46.onnx"), std::string::npos);
}

TEST(ResolveOcrChoiceTest, PpOcrAndHybridNeedTheModel) {
  for (OcrChoice choice : {OcrChoice::kPpOcr, OcrChoice::kHybrid}) {
    ReadOptions options = WithModelDir(choice, "/nonexistent/ppocr");
    const Status status = ResolveOcrChoice(&options, nullptr);
    EXPECT_EQ(status.code(), Status::Code::kNotFound);
    EXPECT_NE(status.message().find("tools/bootstrap.sh"), std::string::npos);
  }
}

TEST(ResolveOcrChoiceTest, TesseractNeedsNoModel) {
  ReadOptions options = WithModelDir(OcrChoice::kTesseract, "/nonexistent/ppocr");
  EXPECT_TRUE(ResolveOcrChoice(&options, nullptr).ok());
  EXPECT_EQ(options.ocr_engine, OcrChoice::kTesseract);
}

TEST(ResolveOcrChoiceTest, AutoIsPpOcrWhenTheModelIsThere) {
  ReadOptions options;
  options.ocr_engine = OcrChoice::kAuto;
  if (!extract::CheckPpOcrModel(options.ppocr).ok()) GTEST_SKIP() << "no PP-OCR model";
  EXPECT_TRUE(ResolveOcrChoice(&options, nullptr).ok());
  EXPECT_EQ(options.ocr_engine, OcrChoice::kPpOcr);
}

TEST(ResolveOcrChoiceTest, TesseractIsTheDefault) {
  EXPECT_EQ(ReadOptions{}.ocr_engine, OcrChoice::kTesseract);
}

}  // namespace
}  // namespace decltab::cli
