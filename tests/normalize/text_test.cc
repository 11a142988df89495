#include "normalize/text.h"

#include <gtest/gtest.h>

namespace decltab::normalize {
namespace {

TEST(FoldTextTest, FoldsWidthSignsAndSpaces) {
  const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"（２０２３年）", "(2023年)"},
      {"其中：财政资金", "其中:财政资金"},
      {"甲，乙", "甲,乙"},
      {"≥90%", ">=90%"},
      {"＞＝2 家", ">=2家"},
      {"> = 2家", ">=2家"},
      {"≤5%", "<=5%"},
      {"≦ 5 %", "<=5%"},
      {"＝100%", "=100%"},
      {"800x47=38000", "800×47=38000"},
      {"800 X 47 = 38000", "800×47=38000"},
      {"10.39*3850", "10.39×3850"},
      {"box x-ray", "box x-ray"},  // x not between digits stays
      {"产出指\n标", "产出指标"},
      {"控制于预算 内", "控制于预算内"},
      {"  上海市 某区　人民政府 ", "上海市某区人民政府"},
      {"48 小时内", "48小时内"},
      {"10. 39", "10.39"},
      {"2 75万元", "2 75万元"},  // a space between digits is kept
      {"web 应用系统 iGuardV5 防篡改", "web应用系统iGuardV5防篡改"},
      {"open  source\tcode", "open source code"},
      {"2023 年- 2023年", "2023年-2023年"},
      {"", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.out, FoldText(c.in)) << c.in;
}

TEST(FoldTextTest, CompactDropsEverySpace) {
  EXPECT_EQ("open source", FoldText("open source"));
  EXPECT_EQ("opensource", FoldCompact("open source"));
}

// Folding folded text changes nothing, also where dropping a space or
// spelling out a sign puts a combining mark after a new base character.
TEST(FoldTextTest, FoldingTwiceEqualsFoldingOnce) {
  for (const char* text : {
           "ppppp\u00b4",         // ´ is NFKC space + U+0301
           "\u2266\u0338\u2266",  // ≦ + U+0338 becomes "<=" + U+0338
           "A\n\u0301",           // a line break before a combining mark
           "X z \u0301X",         // "X z" keeps its space until z composes
           "（２０２３年）≥ 90 %",
       }) {
    const std::string once = FoldText(text);
    EXPECT_EQ(once, FoldText(once)) << text;
  }
  EXPECT_EQ("ppppṕ", FoldText("ppppp\u00b4"));
  EXPECT_EQ("<\u2260<=", FoldText("\u2266\u0338\u2266"));
  EXPECT_EQ("X\u017aX", FoldText("X z \u0301X"));
}

TEST(IsCjkTest, Classifies) {
  EXPECT_TRUE(IsCjk(U'项'));
  EXPECT_TRUE(IsCjk(U'、'));
  EXPECT_TRUE(IsCjk(U'（'));
  EXPECT_FALSE(IsCjk(U'a'));
  EXPECT_FALSE(IsCjk(U'7'));
  EXPECT_FALSE(IsCjk(U'('));
}

TEST(LabelSimilarityTest, NormalizedLevenshtein) {
  EXPECT_DOUBLE_EQ(1.0, LabelSimilarity("项目名称", "项目 名称"));
  EXPECT_DOUBLE_EQ(0.75, LabelSimilarity("项目名称", "项目名杯"));
  EXPECT_DOUBLE_EQ(1.0, LabelSimilarity("", ""));
  EXPECT_DOUBLE_EQ(0.0, LabelSimilarity("abc", ""));
  EXPECT_NEAR(5.0 / 6, LabelSimilarity("项目资金总额", "项日资金总额"), 1e-9);
}

TEST(Utf8Test, RoundTripsAndReplacesBadBytes) {
  std::string s = "a项😀";
  EXPECT_EQ(s, ToUtf8(ToU32(s)));
  EXPECT_EQ(3u, ToU32(s).size());
  EXPECT_EQ(U"\uFFFDb", ToU32("\xff"
                              "b"));
  EXPECT_EQ(3u, CodePointCount(s));
}

}  // namespace
}  // namespace decltab::normalize
