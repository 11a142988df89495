// The page cells are read from (OcrPageImage).
#include "extract/region_image.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "tests/extract/mat_page.h"

namespace decltab::extract {
namespace {

// A grey page whose paper darkens from left to right, holding a dark bar
// with a soft (anti-aliased) edge, and its binarization (the bar's core).
struct Pages {
  PageImage grey, binary;
};
Pages BarOnUnevenPaper() {
  cv::Mat grey(200, 300, CV_8UC1);
  for (int x = 0; x < grey.cols; ++x) grey.col(x).setTo(230 - x / 6);
  cv::rectangle(grey, cv::Rect(100, 80, 40, 20), cv::Scalar(40), cv::FILLED);
  cv::rectangle(grey, cv::Rect(99, 79, 42, 22), cv::Scalar(150), 1);  // soft edge
  cv::Mat binary(grey.size(), CV_8UC1, cv::Scalar(255));
  cv::rectangle(binary, cv::Rect(100, 80, 40, 20), cv::Scalar(0), cv::FILLED);
  return {MatPage(grey, 300), MatPage(binary, 300)};
}

uint8_t At(const PageImage& p, int x, int y) { return p.pixels[y * p.width + x]; }

TEST(OcrPageImageTest, ThresholdedAt128ItIsTheBinaryPageAgain) {
  const Pages pages = BarOnUnevenPaper();
  const PageImage ocr = OcrPageImage(pages.grey, pages.binary);
  ASSERT_EQ(ocr.width, pages.binary.width);
  ASSERT_EQ(ocr.height, pages.binary.height);
  EXPECT_EQ(ocr.dpi, pages.binary.dpi);
  for (size_t i = 0; i < ocr.pixels.size(); ++i)
    ASSERT_EQ(ocr.pixels[i] < 128, pages.binary.pixels[i] < 128) << "pixel " << i;
}

TEST(OcrPageImageTest, KeepsTheGreyRimOfTheInkAndWhitensThePaper) {
  const Pages pages = BarOnUnevenPaper();
  const PageImage ocr = OcrPageImage(pages.grey, pages.binary);
  // The soft edge next to the bar keeps a grey tone between rim and paper.
  EXPECT_GT(At(ocr, 99, 90), 128);
  EXPECT_LT(At(ocr, 99, 90), 255);
  EXPECT_LT(At(ocr, 120, 90), 128);  // ink
  // Paper, however dark the scan made it, is white; so is the paper two
  // pixels off the bar.
  EXPECT_EQ(At(ocr, 10, 10), 255);
  EXPECT_EQ(At(ocr, 290, 190), 255);
  EXPECT_EQ(At(ocr, 97, 90), 255);
}

TEST(OcrPageImageTest, MismatchedSizesGiveTheBinaryPage) {
  const Pages pages = BarOnUnevenPaper();
  PageImage small = pages.grey;
  small.width = 10;
  small.height = 10;
  small.pixels.resize(100);
  EXPECT_EQ(OcrPageImage(small, pages.binary).pixels, pages.binary.pixels);
}

}  // namespace
}  // namespace decltab::extract
