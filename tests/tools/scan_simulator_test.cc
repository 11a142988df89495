#include "tools/scan/scan_simulator.h"

#include <cmath>
#include <cstdlib>
#include <set>

#include <gtest/gtest.h>

namespace decltab::tools {
namespace {

// A white page with one ruling line across, one down, and a small solid
// "glyph" well away from both.
struct TestPage {
  static constexpr int kWidth = 600, kHeight = 400;
  static constexpr int kLineY = 100, kLineX = 300, kGlyphX = 100, kGlyphY = 250;
  PageImage image;
  TestPage() {
    image.page_number = 3;
    image.dpi = 150;
    image.width = kWidth;
    image.height = kHeight;
    image.pixels.assign(kWidth * kHeight, 255);
    for (int x = 20; x < kWidth - 20; ++x) Set(x, kLineY, 0), Set(x, kLineY + 1, 0);
    for (int y = 20; y < kHeight - 20; ++y) Set(kLineX, y, 0), Set(kLineX + 1, y, 0);
    for (int y = kGlyphY; y < kGlyphY + 12; ++y)
      for (int x = kGlyphX; x < kGlyphX + 12; ++x) Set(x, y, 0);
  }
  void Set(int x, int y, uint8_t v) { image.pixels[y * kWidth + x] = v; }
};

uint8_t At(const PageImage& image, int x, int y) {
  return image.pixels[static_cast<size_t>(y) * image.width + x];
}

ScanOptions Only() {  // no degradation at all, no JPEG
  ScanOptions options;
  options.dpi = 150;
  options.jpeg_quality = 0;
  return options;
}

TEST(ScanSimulatorTest, SameSeedGivesSamePixelsForEveryPreset) {
  TestPage page;
  for (const std::string& name : ScanOptions::PresetNames()) {
    ScanOptions options = ScanOptions::Preset(name);
    PageImage a = SimulateScan(page.image, options, 42);
    PageImage b = SimulateScan(page.image, options, 42);
    PageImage c = SimulateScan(page.image, options, 43);
    EXPECT_EQ(a.pixels, b.pixels) << name;
    EXPECT_NE(a.pixels, c.pixels) << name;
    EXPECT_NE(a.pixels, page.image.pixels) << name;
  }
}

TEST(ScanSimulatorTest, KeepsSizePageNumberAndDpi) {
  TestPage page;
  for (const std::string& name : ScanOptions::PresetNames()) {
    PageImage out = SimulateScan(page.image, ScanOptions::Preset(name), 7);
    EXPECT_EQ(page.image.width, out.width) << name;
    EXPECT_EQ(page.image.height, out.height) << name;
    EXPECT_EQ(page.image.pixels.size(), out.pixels.size()) << name;
    EXPECT_EQ(3, out.page_number) << name;
    EXPECT_EQ(150, out.dpi) << name;
  }
}

TEST(ScanSimulatorTest, EmptyImageComesBackEmpty) {
  PageImage empty;
  PageImage out = SimulateScan(empty, ScanOptions::Preset("harsh150"), 1);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(150, out.dpi);  // from the options, as documented
}

TEST(ScanSimulatorTest, PresetsHaveTheDocumentedStrength) {
  const struct {
    const char* name;
    int dpi, jpeg;
    double max_skew, blur, noise, background, dropout, fade;
  } kCases[] = {
      {"clean300", 300, 40, 0.3, 0.5, 1.5, 0.04, 0, 0},
      {"skew200", 200, 45, 1.0, 0.6, 4, 0.15, 0.05, 0.2},
      {"harsh150", 150, 35, 2.0, 0.9, 8, 0.3, 0.12, 0.45},
  };
  for (const auto& c : kCases) {
    ScanOptions o = ScanOptions::Preset(c.name);
    EXPECT_EQ(c.dpi, o.dpi) << c.name;
    EXPECT_EQ(c.jpeg, o.jpeg_quality) << c.name;
    EXPECT_DOUBLE_EQ(c.max_skew, o.max_skew_degrees) << c.name;
    EXPECT_DOUBLE_EQ(c.blur, o.blur_sigma) << c.name;
    EXPECT_DOUBLE_EQ(c.noise, o.noise_sigma) << c.name;
    EXPECT_DOUBLE_EQ(c.background, o.background_variation) << c.name;
    EXPECT_DOUBLE_EQ(c.dropout, o.line_dropout) << c.name;
    EXPECT_DOUBLE_EQ(c.fade, o.line_fade) << c.name;
  }
  ScanOptions unknown = ScanOptions::Preset("nonsense");
  EXPECT_EQ(300, unknown.dpi);
  EXPECT_EQ(0, unknown.noise_sigma);
}

// Mean absolute change from the clean page, rotation left out.
double Damage(const ScanOptions& preset) {
  TestPage page;
  ScanOptions options = preset;
  options.max_skew_degrees = options.min_skew_degrees = 0;
  PageImage out = SimulateScan(page.image, options, 1);
  double sum = 0;
  for (size_t i = 0; i < out.pixels.size(); ++i)
    sum += std::abs(out.pixels[i] - page.image.pixels[i]);
  return sum / out.pixels.size();
}

TEST(ScanSimulatorTest, PresetsGetHarsherInOrder) {
  double clean = Damage(ScanOptions::Preset("clean300"));
  double skew = Damage(ScanOptions::Preset("skew200"));
  double harsh = Damage(ScanOptions::Preset("harsh150"));
  EXPECT_GT(clean, 0);
  EXPECT_LT(clean, skew);
  EXPECT_LT(skew, harsh);
}

TEST(ScanSimulatorTest, SkewStaysWithinThePresetRange) {
  std::set<bool> signs;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    double skew200 = ScanSkewDegrees(ScanOptions::Preset("skew200"), seed);
    EXPECT_GE(std::abs(skew200), 0.6) << seed;
    EXPECT_LE(std::abs(skew200), 1.0) << seed;
    signs.insert(skew200 > 0);
    EXPECT_LE(std::abs(ScanSkewDegrees(ScanOptions::Preset("harsh150"), seed)), 2.0);
    EXPECT_LE(std::abs(ScanSkewDegrees(ScanOptions::Preset("clean300"), seed)), 0.3);
  }
  EXPECT_EQ(2u, signs.size()) << "skew200 should tilt both ways";
  EXPECT_EQ(0, ScanSkewDegrees(Only(), 5));
}

TEST(ScanSimulatorTest, RotatesThePageBySkewDegrees) {
  TestPage page;
  ScanOptions options = Only();
  options.min_skew_degrees = 1.0;
  options.max_skew_degrees = 1.5;
  uint64_t seed = 11;
  double skew = ScanSkewDegrees(options, seed);
  PageImage out = SimulateScan(page.image, options, seed);
  // Where the horizontal line crosses two columns, 200 px apart.
  auto line_y = [&](int x) {
    int best = -1;
    for (int y = 30; y < 180; ++y)
      if (best < 0 || At(out, x, y) < At(out, x, best)) best = y;
    return best;
  };
  double rise = line_y(150) - line_y(450);  // image y grows downwards
  double expected = 300 * std::tan(skew * M_PI / 180);  // CCW lifts the right end
  EXPECT_NEAR(expected, rise, 2.0) << "skew " << skew;
}

TEST(ScanSimulatorTest, LineFadeLightensRulingsButNotGlyphs) {
  TestPage page;
  ScanOptions options = Only();
  options.line_fade = 0.5;
  PageImage out = SimulateScan(page.image, options, 3);
  int line = At(out, 200, TestPage::kLineY);
  EXPECT_GT(line, 60);
  EXPECT_LT(line, 200);
  EXPECT_GT(At(out, TestPage::kLineX, 300), 60);
  EXPECT_EQ(0, At(out, TestPage::kGlyphX + 6, TestPage::kGlyphY + 6));
  EXPECT_EQ(255, At(out, 200, 200));  // paper stays paper
}

TEST(ScanSimulatorTest, LineDropoutCutsGapsButKeepsCrossings) {
  TestPage page;
  ScanOptions options = Only();
  options.line_dropout = 0.3;
  PageImage out = SimulateScan(page.image, options, 9);
  int white = 0, length = 0;
  for (int x = 20; x < TestPage::kWidth - 20; ++x, ++length)
    if (At(out, x, TestPage::kLineY) == 255) ++white;
  double share = static_cast<double>(white) / length;
  EXPECT_GT(share, 0.08);
  EXPECT_LT(share, 0.5);
  EXPECT_EQ(0, At(out, TestPage::kLineX, TestPage::kLineY));
  EXPECT_EQ(0, At(out, TestPage::kGlyphX + 6, TestPage::kGlyphY + 6));
}

TEST(ScanSimulatorTest, PaperTurnsGreyAndUnevenButInkStaysDark) {
  TestPage page;
  ScanOptions options = Only();
  options.background_variation = 0.3;
  PageImage out = SimulateScan(page.image, options, 5);
  int lightest = 0, darkest = 255;
  for (int y = 150; y < 400; y += 10)
    for (int x = 400; x < 600; x += 10) {
      lightest = std::max<int>(lightest, At(out, x, y));
      darkest = std::min<int>(darkest, At(out, x, y));
    }
  EXPECT_LT(lightest, 255);
  EXPECT_GT(lightest - darkest, 5) << "paper should be uneven";
  EXPECT_GT(darkest, 150) << "paper should stay light";
  EXPECT_LT(At(out, TestPage::kGlyphX + 6, TestPage::kGlyphY + 6), 60);
}

}  // namespace
}  // namespace decltab::tools
