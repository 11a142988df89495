#include "extract/routed_engine.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "tests/fakes/fake_ocr_engine.h"

namespace decltab::extract {
namespace {

TEST(WorthSecondReadingTest, FiguresSignsAndUnsureReadingsGoToTheSecondEngine) {
  const RoutingOptions options;
  EXPECT_TRUE(WorthSecondReading({"290%", 0.95f}, options));
  EXPECT_TRUE(WorthSecondReading({"之120公里", 0.95f}, options));
  EXPECT_TRUE(WorthSecondReading({"z=100人", 0.95f}, options));
  EXPECT_TRUE(WorthSecondReading({"及时素", 0.6f}, options));
  EXPECT_TRUE(WorthSecondReading({"", 0.f}, options));
  EXPECT_FALSE(WorthSecondReading({"项目资金总额", 0.9f}, options));
}

struct Engines {
  FakeOcrEngine* first;
  FakeOcrEngine* second;
  std::unique_ptr<OcrEngine> routed;
};

Engines Make(std::vector<OcrText> first, std::vector<OcrText> second) {
  auto a = std::make_unique<FakeOcrEngine>(std::move(first));
  auto b = std::make_unique<FakeOcrEngine>(std::move(second));
  Engines e{a.get(), b.get(), nullptr};
  e.routed = CreateRoutedEngine(std::move(a), std::move(b), RoutingOptions{});
  return e;
}

const uint8_t kPixels[16] = {0};

TEST(RoutedEngineTest, ASureTextReadingStaysWithTheFirstEngine) {
  Engines e = Make({{"项目名称", 0.9f}}, {{"项目名", 0.99f}});
  Result<OcrText> read = e.routed->Recognize(kPixels, 4, 4, OcrMode::kSingleLine);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->text, "项目名称");
  EXPECT_TRUE(e.second->calls().empty());
}

TEST(RoutedEngineTest, AFigureIsReadAgainByTheSecondEngine) {
  Engines e = Make({{"290%", 0.9f}}, {{"≥90%", 0.97f}});
  Result<OcrText> read = e.routed->Recognize(kPixels, 4, 4, OcrMode::kSingleLine);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->text, "≥90%");
  EXPECT_FLOAT_EQ(read->confidence, 0.97f);
}

TEST(RoutedEngineTest, AVeryUnsureSecondReadingLosesToASurerFirst) {
  Engines e = Make({{"25万元", 0.9f}}, {{"2S万元", 0.3f}});
  EXPECT_EQ(e.routed->Recognize(kPixels, 4, 4, OcrMode::kSingleLine)->text, "25万元");
}

TEST(RoutedEngineTest, LatinLettersDoNotReplaceDigits) {
  Engines e = Make({{"0", 0.9f}}, {{"o", 0.8f}});
  EXPECT_EQ(e.routed->Recognize(kPixels, 4, 4, OcrMode::kSingleLine)->text, "0");
}

TEST(RoutedEngineTest, DigitsGoToTheSecondEngineOnly) {
  Engines e = Make({}, {});
  e.second->ScriptDigits({{"45", 0.99f}});
  EXPECT_EQ(e.routed->Recognize(kPixels, 4, 4, OcrMode::kDigits)->text, "45");
  EXPECT_TRUE(e.first->calls().empty());
}

}  // namespace
}  // namespace decltab::extract
