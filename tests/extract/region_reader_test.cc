// ReadRegions with a scripted engine: what it sends to OCR and how it picks
// and cleans the readings.
#include "extract/region_reader.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "tests/extract/mat_page.h"
#include "tests/fakes/fake_ocr_engine.h"

namespace decltab::extract {
namespace {

// A white 300 dpi page with a ruled cell at `cell` (2 px lines) and, inside,
// `lines` text lines of `glyphs` black blocks 40 px high standing in for
// characters.
PageImage RuledPage(const Rect& cell, int lines, int glyphs) {
  cv::Mat page(400, 600, CV_8UC1, cv::Scalar(255));
  cv::rectangle(page, cv::Rect(cell.x - 2, cell.y - 2, cell.width + 4, cell.height + 4),
                cv::Scalar(0), 2);
  for (int l = 0; l < lines; ++l)
    for (int g = 0; g < glyphs; ++g)
      cv::rectangle(page,
                    cv::Rect(cell.x + 20 + g * 48, cell.y + 15 + l * 60, 36, 40),
                    cv::Scalar(0), cv::FILLED);
  return MatPage(page, 300, /*page_number=*/3);
}

// Options with one reading per scale: the tests below count OCR calls of
// other re-reads.
RegionOptions OneScale() {
  RegionOptions options;
  options.reread_larger_below = 0;
  return options;
}

TEST(ReadRegionsTest, EmptyCellNeedsNoOcr) {
  const Rect cell{100, 100, 300, 80};
  PageImage page = RuledPage(cell, 0, 0);
  FakeOcrEngine engine;
  // The region overlaps the ruling lines by a pixel: their remnants are not
  // text.
  Result<std::vector<OcrText>> texts = ReadRegions(
      page, {Rect{99, 99, 302, 82}, Rect{700, 700, 10, 10}}, engine,
      RegionOptions{});
  ASSERT_TRUE(texts.ok());
  ASSERT_EQ(2u, texts->size());
  for (const OcrText& t : *texts) {
    EXPECT_EQ("", t.text);
    EXPECT_EQ(1.f, t.confidence);
  }
  EXPECT_TRUE(engine.calls().empty());
}

TEST(ReadRegionsTest, ScalesTrimsAndPadsSingleLine) {
  const Rect cell{100, 100, 400, 80};
  PageImage page = RuledPage(cell, 1, 4);
  FakeOcrEngine engine({{"产出 指标|", 0.9f}});
  RegionOptions options;
  options.target_text_height_px = 20;
  options.border_px = 10;
  Result<std::vector<OcrText>> texts = ReadRegions(page, {cell}, engine, options);
  ASSERT_TRUE(texts.ok());
  EXPECT_EQ("产出指标", (*texts)[0].text);
  EXPECT_FLOAT_EQ(0.9f, (*texts)[0].confidence);
  ASSERT_EQ(1u, engine.calls().size());
  const FakeOcrEngine::Call& call = engine.calls()[0];
  EXPECT_EQ(OcrMode::kSingleLine, call.mode);
  // 40 px glyphs scaled by 20/40, plus the border on both sides; the ink
  // (4 glyphs, 180 px wide) is trimmed from the 400 px cell.
  EXPECT_EQ(20 + 2 * 10, call.height);
  EXPECT_EQ(90 + 2 * 10, call.width);
  for (int x = 0; x < call.width; ++x) EXPECT_EQ(255, call.pixels[x]);  // border
}

TEST(ReadRegionsTest, SeveralLinesAreReadAsBlock) {
  const Rect cell{100, 100, 300, 200};
  PageImage page = RuledPage(cell, 2, 3);
  FakeOcrEngine engine({{"项目总目标\n(2023年-2023年)", 0.8f}});
  Result<std::vector<OcrText>> texts =
      ReadRegions(page, {cell}, engine, OneScale());
  ASSERT_TRUE(texts.ok());
  EXPECT_EQ("项目总目标(2023年-2023年)", (*texts)[0].text);
  ASSERT_EQ(1u, engine.calls().size());
  EXPECT_EQ(OcrMode::kBlock, engine.calls()[0].mode);
}

TEST(ReadRegionsTest, NumericCellIsRereadWithDigits) {
  const Rect cell{100, 100, 400, 80};
  const struct {
    int glyphs;  // ink width in 40 px high blocks
    OcrText text, digits;
    const char* chosen;
    size_t calls;
  } kCases[] = {
      // chi_sim's reading looks numeric; the digit reading is surer.
      {4, {"37800。00", 0.6f}, {"37800.00", 0.9f}, "37800.00", 2},
      // ... but less sure: keep chi_sim's.
      {4, {"37800.00", 0.9f}, {"37800.08", 0.7f}, "37800.00", 2},
      // Short and unsure: may be a garbled number.
      {2, {"个.5", 0.3f}, {"10.5", 0.8f}, "10.5", 2},
      // A digit reading that cannot explain the ink (units dropped) loses.
      {2, {"个5", 0.3f}, {"5", 0.9f}, "个5", 2},
      // ... and so does one that drops a digit of chi_sim's plain number.
      {3, {"50000", 0.8f}, {"0000", 0.96f}, "50000", 2},
      // Confident text is not re-read.
      {4, {"25万元", 0.9f}, {"25", 0.95f}, "25万元", 1},
      // A number with one made-up character, unsure, is re-read ...
      {4, {">=905折", 0.54f}, {">=90%", 0.89f}, ">=90%", 2},
      // ... but not when sure.
      {4, {">=905折", 0.9f}, {">=90%", 0.95f}, ">=905折", 1},
      // A numeric reading too short for its ink loses to a less confident
      // digit reading that explains it.
      {1, {"0", 0.96f}, {"50", 0.9f}, "50", 2},
      {1, {"0", 0.96f}, {"50", 0.4f}, "0", 2},
  };
  for (const auto& c : kCases) {
    PageImage page = RuledPage(cell, 1, c.glyphs);
    FakeOcrEngine engine({c.text});
    engine.ScriptDigits({c.digits});
    Result<std::vector<OcrText>> texts =
        ReadRegions(page, {cell}, engine, OneScale());
    ASSERT_TRUE(texts.ok());
    EXPECT_EQ(c.chosen, (*texts)[0].text) << c.text.text;
    EXPECT_EQ(c.calls, engine.calls().size()) << c.text.text;
  }
}

TEST(ReadRegionsTest, DigitRereadCanBeSwitchedOff) {
  const Rect cell{100, 100, 400, 80};
  PageImage page = RuledPage(cell, 1, 4);
  FakeOcrEngine engine({{"37800。00", 0.6f}});
  engine.ScriptDigits({{"37800.00", 0.9f}});
  RegionOptions options = OneScale();
  options.reread_digits = false;
  Result<std::vector<OcrText>> texts = ReadRegions(page, {cell}, engine, options);
  ASSERT_TRUE(texts.ok());
  EXPECT_EQ("37800。00", (*texts)[0].text);
  EXPECT_EQ(1u, engine.calls().size());
}

TEST(ReadRegionsTest, EmptySingleLineReadingIsRetriedAsBlock) {
  const Rect cell{100, 100, 400, 80};
  PageImage page = RuledPage(cell, 1, 4);
  FakeOcrEngine engine({{"", 0.f}, {"满意度指标", 0.7f}});
  Result<std::vector<OcrText>> texts =
      ReadRegions(page, {cell}, engine, OneScale());
  ASSERT_TRUE(texts.ok());
  EXPECT_EQ("满意度指标", (*texts)[0].text);
  ASSERT_EQ(2u, engine.calls().size());
  EXPECT_EQ(OcrMode::kBlock, engine.calls()[1].mode);
}

TEST(ReadRegionsTest, UnsureReadingIsReadAgainLarger) {
  const Rect cell{100, 100, 400, 80};
  PageImage page = RuledPage(cell, 1, 4);
  const struct {
    OcrText first, second;
    const char* chosen;
  } kCases[] = {
      {{"数最指标", 0.7f}, {"数量指标", 0.9f}, "数量指标"},
      {{"数量指标", 0.8f}, {"数最指标", 0.6f}, "数量指标"},
  };
  for (const auto& c : kCases) {
    FakeOcrEngine engine({c.first, c.second});
    Result<std::vector<OcrText>> texts =
        ReadRegions(page, {cell}, engine, RegionOptions{});
    ASSERT_TRUE(texts.ok());
    EXPECT_EQ(c.chosen, (*texts)[0].text);
    ASSERT_EQ(2u, engine.calls().size());
    // Glyphs 40 px high: 20 px the first time, 30 px the second.
    EXPECT_NEAR(1.5 * (engine.calls()[0].height - 20), engine.calls()[1].height - 20, 2);
  }
  // A sure reading is read once.
  FakeOcrEngine engine({{"数量指标", 0.9f}});
  ASSERT_TRUE(ReadRegions(page, {cell}, engine, RegionOptions{}).ok());
  EXPECT_EQ(1u, engine.calls().size());
}

TEST(ReadRegionsTest, NumberThatLostItsLeadingDigitsIsReadAgainLarger) {
  const Rect cell{100, 100, 400, 80};
  PageImage page = RuledPage(cell, 1, 4);
  RegionOptions options;
  options.reread_digits = false;
  // Sure, but opening with 0: the larger reading wins even if less sure.
  FakeOcrEngine engine({{"0000", 0.9f}, {"440000", 0.8f}});
  Result<std::vector<OcrText>> texts = ReadRegions(page, {cell}, engine, options);
  ASSERT_TRUE(texts.ok());
  EXPECT_EQ("440000", (*texts)[0].text);
  EXPECT_EQ(2u, engine.calls().size());
  // A lone 0 and a decimal fraction are numbers as read.
  for (const char* number : {"0", "0.5"}) {
    FakeOcrEngine once({{number, 0.9f}});
    ASSERT_TRUE(ReadRegions(page, {cell}, once, options).ok());
    EXPECT_EQ(1u, once.calls().size()) << number;
  }
}

TEST(ReadRegionsTest, EngineFailureNamesTheRegion) {
  const Rect cell{100, 100, 400, 80};
  PageImage page = RuledPage(cell, 1, 4);
  FakeOcrEngine engine;
  engine.FailNext(Status::Internal("Tesseract recognition failed"));
  Result<std::vector<OcrText>> texts =
      ReadRegions(page, {Rect{0, 0, 50, 50}, cell}, engine, RegionOptions{});
  ASSERT_FALSE(texts.ok());
  EXPECT_EQ(Status::Code::kInternal, texts.status().code());
  EXPECT_EQ("region 2: Tesseract recognition failed", texts.status().message());
}

TEST(ReadRegionsTest, RejectsBadPages) {
  FakeOcrEngine engine;
  PageImage empty;
  Result<std::vector<OcrText>> texts =
      ReadRegions(empty, {Rect{0, 0, 1, 1}}, engine, RegionOptions{});
  ASSERT_FALSE(texts.ok());
  EXPECT_EQ(Status::Code::kInvalidInput, texts.status().code());
  EXPECT_EQ("page 0: empty page image", texts.status().message());

  PageImage short_buffer = RuledPage(Rect{10, 10, 50, 50}, 0, 0);
  short_buffer.pixels.resize(10);
  texts = ReadRegions(short_buffer, {}, engine, RegionOptions{});
  ASSERT_FALSE(texts.ok());
  EXPECT_EQ("page 3: pixel buffer does not match width * height",
            texts.status().message());
}

constexpr Rect kUnitCell{100, 100, 300, 80};

// A ruled cell holding a thin digit-like stroke set tight (12 px) against two
// 40 px glyphs: "1万元" as chi_sim sees it.
PageImage DigitThenUnit() {
  PageImage page = RuledPage(kUnitCell, 0, 0);
  cv::Mat m(page.height, page.width, CV_8UC1, page.pixels.data());
  cv::rectangle(m, cv::Rect(124, 115, 8, 40), cv::Scalar(0), cv::FILLED);
  cv::rectangle(m, cv::Rect(144, 115, 36, 40), cv::Scalar(0), cv::FILLED);
  cv::rectangle(m, cv::Rect(184, 115, 36, 40), cv::Scalar(0), cv::FILLED);
  return page;
}

// The one cell of a DigitThenUnit-like page, read with default options.
std::vector<OcrText> ReadUnitCell(const PageImage& page, FakeOcrEngine& engine) {
  Result<std::vector<OcrText>> texts =
      ReadRegions(page, {kUnitCell}, engine, RegionOptions{});
  EXPECT_TRUE(texts.ok()) << texts.status().message();
  return texts.ok() ? *texts : std::vector<OcrText>{OcrText{}};
}

TEST(ReadRegionsTest, DigitDroppedBeforeAUnitIsReadAgain) {
  PageImage page = DigitThenUnit();
  FakeOcrEngine engine({{"万元", 0.92f}});
  engine.ScriptDigits({{"1", 0.96f}});
  std::vector<OcrText> texts = ReadUnitCell(page, engine);
  EXPECT_EQ("1万元", texts[0].text);
  EXPECT_FLOAT_EQ(0.92f, texts[0].confidence);
  ASSERT_EQ(2u, engine.calls().size());
  EXPECT_EQ(OcrMode::kDigits, engine.calls()[1].mode);
  // Only the part left of the unit goes to the digit read.
  EXPECT_LT(engine.calls()[1].width, engine.calls()[0].width / 2);
}

TEST(ReadRegionsTest, StrokeBeforeAUnitIsReadAgain) {
  PageImage page = DigitThenUnit();
  FakeOcrEngine engine({{"]万元", 0.9f}});
  engine.ScriptDigits({{"1", 0.96f}});
  std::vector<OcrText> texts = ReadUnitCell(page, engine);
  EXPECT_EQ("1万元", texts[0].text);
}

TEST(ReadRegionsTest, CleanAmountIsNotReadAgain) {
  PageImage page = DigitThenUnit();
  FakeOcrEngine engine({{"1万元", 0.9f}});
  std::vector<OcrText> texts = ReadUnitCell(page, engine);
  EXPECT_EQ("1万元", texts[0].text);
  EXPECT_EQ(1u, engine.calls().size());
}

TEST(ReadRegionsTest, BareUnitThatExplainsItsInkIsNotReadAgain) {
  PageImage page = RuledPage(kUnitCell, 1, 2);
  FakeOcrEngine engine({{"万元", 0.92f}});
  std::vector<OcrText> texts = ReadUnitCell(page, engine);
  EXPECT_EQ("万元", texts[0].text);
  EXPECT_EQ(1u, engine.calls().size());
}

// Two text lines of a 200 px high cell and, on a line of its own below
// them, a 14 px mark drawn as a ring (。) or a filled dot.
PageImage LinesThenMark(bool ring) {
  PageImage page = RuledPage(Rect{100, 100, 300, 200}, 2, 3);
  cv::Mat m(page.height, page.width, CV_8UC1, page.pixels.data());
  cv::circle(m, cv::Point(127, 250), 7, cv::Scalar(0), ring ? 3 : cv::FILLED);
  return page;
}

TEST(ReadRegionsTest, FullStopAloneOnTheLastLineIsKept) {
  PageImage page = LinesThenMark(/*ring=*/true);
  FakeOcrEngine engine({{"项目总目标\n完成工作", 0.8f}});
  Result<std::vector<OcrText>> texts =
      ReadRegions(page, {Rect{100, 100, 300, 200}}, engine, OneScale());
  ASSERT_TRUE(texts.ok());
  EXPECT_EQ("项目总目标完成工作。", (*texts)[0].text);
  // The ring is cut off what OCR sees: two 40 px lines 20 px apart.
  ASSERT_EQ(1u, engine.calls().size());
  const RegionOptions defaults = OneScale();
  const int two_lines = (2 * 40 + 20) * defaults.target_text_height_px / 40;
  EXPECT_LE(engine.calls()[0].height, two_lines + 2 * defaults.border_px + 1);
}

TEST(ReadRegionsTest, DotBelowTheLastLineIsNoFullStop) {
  PageImage page = LinesThenMark(/*ring=*/false);
  FakeOcrEngine engine({{"项目总目标\n完成工作", 0.8f}});
  Result<std::vector<OcrText>> texts =
      ReadRegions(page, {Rect{100, 100, 300, 200}}, engine, RegionOptions{});
  ASSERT_TRUE(texts.ok());
  EXPECT_EQ("项目总目标完成工作", (*texts)[0].text);
}

// A one-line cell of four 36x40 glyphs from x=200, and a 6x6 speck of dust
// `gap` pixels left of them.
PageImage SpeckThenGlyphs(int gap) {
  PageImage page = RuledPage(Rect{100, 100, 400, 80}, 0, 0);
  cv::Mat m(page.height, page.width, CV_8UC1, page.pixels.data());
  for (int g = 0; g < 4; ++g)
    cv::rectangle(m, cv::Rect(200 + g * 48, 120, 36, 40), cv::Scalar(0), cv::FILLED);
  cv::rectangle(m, cv::Rect(200 - gap - 6, 130, 6, 6), cv::Scalar(0), cv::FILLED);
  return page;
}

int OcrWidthOfCell(const PageImage& page) {
  FakeOcrEngine engine({{"其他资金", 0.9f}});
  Result<std::vector<OcrText>> texts =
      ReadRegions(page, {Rect{100, 100, 400, 80}}, engine, RegionOptions{});
  EXPECT_TRUE(texts.ok());
  return engine.calls().empty() ? 0 : engine.calls()[0].width;
}

TEST(ReadRegionsTest, DustFarBeforeTheTextIsNotRead) {
  const RegionOptions defaults;
  // Glyphs 40 px high are scaled by 20/40: 180 px of glyphs become 90.
  const int glyphs_only = 90 + 2 * defaults.border_px;
  EXPECT_LE(OcrWidthOfCell(SpeckThenGlyphs(/*gap=*/50)), glyphs_only + 1);
  // A mark next to the text (an opening quote, a minus) is kept.
  EXPECT_GT(OcrWidthOfCell(SpeckThenGlyphs(/*gap=*/8)), glyphs_only + 3);
}

// A two-line cell: five 36x40 glyphs, and under them two glyphs centred
// (a name wrapped: 上海市…办 / 公室), with a `size` px square mark on the
// second line 24 px left of its glyphs, inside the first line's columns.
PageImage ShortSecondLineWithMark(int size) {
  PageImage page = RuledPage(Rect{100, 100, 400, 160}, 0, 0);
  cv::Mat m(page.height, page.width, CV_8UC1, page.pixels.data());
  for (int g = 0; g < 5; ++g)
    cv::rectangle(m, cv::Rect(120 + g * 48, 115, 36, 40), cv::Scalar(0), cv::FILLED);
  for (int g = 0; g < 2; ++g)
    cv::rectangle(m, cv::Rect(216 + g * 48, 175, 36, 40), cv::Scalar(0), cv::FILLED);
  cv::rectangle(m, cv::Rect(192 - size, 195, size, size), cv::Scalar(0), cv::FILLED);
  return page;
}

// Whether the image OCR got for ShortSecondLineWithMark has ink where the
// mark was (scaled by 20/40 from the ink's corner at 120,115, border 10).
bool MarkSentToOcr(int size) {
  FakeOcrEngine engine({{"上海市松江\n公室", 0.9f}});
  Result<std::vector<OcrText>> texts = ReadRegions(
      ShortSecondLineWithMark(size), {Rect{100, 100, 400, 160}}, engine, OneScale());
  EXPECT_TRUE(texts.ok());
  if (engine.calls().empty()) return false;
  const FakeOcrEngine::Call& call = engine.calls()[0];
  const int x = 10 + (192 - size / 2 - 120) / 2, y = 10 + (195 + size / 2 - 115) / 2;
  return call.pixels[static_cast<size_t>(y) * call.width + x] < 128;
}

TEST(ReadRegionsTest, DustBesideAShortLineIsNotRead) {
  // Tesseract dropped a short centred last line strewn with dust. A 6 px
  // speck (0.15 of a line height) apart from the glyphs goes; a mark of
  // punctuation size (a 、 wrapped to the line's start) stays.
  EXPECT_FALSE(MarkSentToOcr(6));
  EXPECT_TRUE(MarkSentToOcr(12));
}

// One line of four 36x40 glyphs at y 130..170 and a 6x6 speck over the
// space after the last glyph whose top is at `speck_y`.
PageImage GlyphsWithSpeckAt(int speck_y) {
  PageImage page = RuledPage(Rect{100, 100, 400, 80}, 0, 0);
  cv::Mat m(page.height, page.width, CV_8UC1, page.pixels.data());
  for (int g = 0; g < 4; ++g)
    cv::rectangle(m, cv::Rect(200 + g * 48, 130, 36, 40), cv::Scalar(0), cv::FILLED);
  cv::rectangle(m, cv::Rect(200 + 3 * 48 + 40, speck_y, 6, 6), cv::Scalar(0), cv::FILLED);
  return page;
}

TEST(ReadRegionsTest, DustAboveTheLineIsNotRead) {
  // Glyphs 40 px high are scaled by 20/40; the speck, its top 20 px above
  // theirs, would make the image OCR gets 10 px higher. ("1万元" read "万元" with
  // such a speck over its 元.)
  const RegionOptions defaults;
  const int glyphs_only = 20 + 2 * defaults.border_px;
  FakeOcrEngine engine({{"1万元", 0.9f}, {"1万元。", 0.9f}});
  ASSERT_TRUE(ReadRegions(GlyphsWithSpeckAt(110), {Rect{100, 100, 400, 80}}, engine,
                          OneScale()).ok());
  ASSERT_TRUE(ReadRegions(GlyphsWithSpeckAt(160), {Rect{100, 100, 400, 80}}, engine,
                          OneScale()).ok());
  ASSERT_EQ(2u, engine.calls().size());
  EXPECT_EQ(glyphs_only, engine.calls()[0].height);
  // A speck on the line's rows next to a glyph (a full stop) is kept.
  EXPECT_GE(engine.calls()[1].width, 90 + 5 + 2 * defaults.border_px);
}

}  // namespace
}  // namespace decltab::extract
