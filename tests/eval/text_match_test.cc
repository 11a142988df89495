#include "tests/eval/text_match.h"

#include <gtest/gtest.h>

namespace decltab::eval {
namespace {

TEST(TextMatchTest, FoldsFullWidthAndComparisonSignsAndDropsWhitespace) {
  const struct { const char* in; const char* out; } kCases[] = {
      {"＞＝ 2 家", ">=2家"},
      {"≥90%", ">=90%"},
      {"≤ 48 小时", "<=48小时"},
      {"（元）", "(元)"},
      {"援藏\u3000干部 工作\t经费\n", "援藏干部工作经费"},
      {"ＡＢＣ１２３", "ABC123"},
      {"", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.out, FoldText(c.in)) << c.in;
}

TEST(TextMatchTest, SimilarityIsOneMinusEditDistanceOverLongerLength) {
  EXPECT_DOUBLE_EQ(1.0, Similarity("", ""));
  EXPECT_DOUBLE_EQ(1.0, Similarity("援藏干部", "援藏干部"));
  EXPECT_DOUBLE_EQ(0.75, Similarity("援藏干部", "援减干部"));  // 1 of 4 code points
  EXPECT_DOUBLE_EQ(0.8, Similarity("东西部协作", "东西部协"));
  EXPECT_DOUBLE_EQ(0.0, Similarity("abc", ""));
  EXPECT_DOUBLE_EQ(0.0, Similarity("ab", "cd"));
}

TEST(TextMatchTest, DecodesUtf8AndKeepsStrayBytes) {
  EXPECT_EQ((std::vector<char32_t>{U'a', U'元', U'😀'}), DecodeUtf8("a元😀"));
  EXPECT_EQ((std::vector<char32_t>{0xFF, U'a'}), DecodeUtf8("\xff" "a"));
  EXPECT_EQ((std::vector<char32_t>{0xE5}), DecodeUtf8("\xe5"));  // truncated
  EXPECT_EQ("a元😀", EncodeUtf8(DecodeUtf8("a元😀")));
}

}  // namespace
}  // namespace decltab::eval
