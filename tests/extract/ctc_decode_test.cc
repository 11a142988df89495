#include "extract/ctc_decode.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace decltab::extract {
namespace {

// Labels: blank, 率, ≥, 9, 0, %, space.
const std::vector<std::string> kLabels = {"", "率", "≥", "9", "0", "%", " "};

// One row per step: `best` gets probability p, the rest share what is left.
std::vector<float> Steps(const std::vector<std::pair<int, float>>& best) {
  const int classes = static_cast<int>(kLabels.size());
  std::vector<float> probs;
  for (const auto& [c, p] : best)
    for (int k = 0; k < classes; ++k)
      probs.push_back(k == c ? p : (1 - p) / (classes - 1));
  return probs;
}

TEST(ParseCtcLabelsTest, BlankFirstThenKeysThenSpace) {
  Result<std::vector<std::string>> labels = ParseCtcLabels("率\r\n≥\n9");
  ASSERT_TRUE(labels.ok());
  EXPECT_EQ(*labels, (std::vector<std::string>{"", "率", "≥", "9", " "}));
}

TEST(ParseCtcLabelsTest, EmptyFileIsAnError) {
  EXPECT_FALSE(ParseCtcLabels("").ok());
}

TEST(GreedyCtcDecodeTest, MergesRepeatsThenDropsBlanks) {
  // ≥ ≥ 9 blank 9 0 0 % : the blank between the 9s keeps both.
  const std::vector<float> probs =
      Steps({{2, .9f}, {2, .8f}, {3, .9f}, {0, .9f}, {3, .9f}, {4, .9f}, {4, .9f}, {5, .9f}});
  const CtcReading r = GreedyCtcDecode(probs.data(), 8, 7, kLabels);
  EXPECT_EQ(r.text, "≥990%");
  EXPECT_EQ(r.char_probs.size(), 5u);
}

TEST(GreedyCtcDecodeTest, LastClassIsASpace) {
  const std::vector<float> probs = Steps({{3, .9f}, {6, .9f}, {5, .9f}});
  EXPECT_EQ(GreedyCtcDecode(probs.data(), 3, 7, kLabels).text, "9 %");
}

TEST(GreedyCtcDecodeTest, OneUnsureCharacterMakesTheReadingUnsure) {
  const std::vector<float> probs =
      Steps({{1, .99f}, {0, .99f}, {2, .41f}, {3, .99f}, {4, .99f}, {5, .99f}});
  const CtcReading r = GreedyCtcDecode(probs.data(), 6, 7, kLabels);
  EXPECT_EQ(r.text, "率≥90%");
  EXPECT_FLOAT_EQ(r.confidence, .41f);
}

TEST(GreedyCtcDecodeTest, OnlyBlanksReadEmptyAndSure) {
  const std::vector<float> probs = Steps({{0, .9f}, {0, .9f}});
  const CtcReading r = GreedyCtcDecode(probs.data(), 2, 7, kLabels);
  EXPECT_EQ(r.text, "");
  EXPECT_FLOAT_EQ(r.confidence, 1.f);
}

TEST(GreedyCtcDecodeTest, AllowedClassesRestrictTheReading) {
  // 率 wins the step, but a digits-only reading takes the best allowed class.
  std::vector<float> probs(7, 0.f);
  probs[1] = .6f;
  probs[3] = .3f;
  probs[0] = .1f;
  const std::vector<bool> digits = AllowedClasses(kLabels, "0123456789%≥");
  EXPECT_EQ(GreedyCtcDecode(probs.data(), 1, 7, kLabels).text, "率");
  const CtcReading r = GreedyCtcDecode(probs.data(), 1, 7, kLabels, digits);
  EXPECT_EQ(r.text, "9");
  EXPECT_FLOAT_EQ(r.confidence, .3f);
}

TEST(AllowedClassesTest, MarksTheCharactersOfTheCharset) {
  EXPECT_EQ(AllowedClasses(kLabels, "9%≥"),
            (std::vector<bool>{false, false, true, true, false, true, false}));
}

}  // namespace
}  // namespace decltab::extract
