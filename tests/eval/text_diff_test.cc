#include "tests/eval/text_diff.h"

#include <gtest/gtest.h>

namespace decltab::eval {
namespace {

TEST(EditDistanceTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(0u, EditDistance("", ""));
  EXPECT_EQ(0u, EditDistance("万元", "万元"));
  EXPECT_EQ(1u, EditDistance("25万元", "25万兀"));
  EXPECT_EQ(1u, EditDistance("2万元", "2]万元"));
  EXPECT_EQ(2u, EditDistance("万元", ""));
  EXPECT_EQ(3u, EditDistance("", "abc"));
}

TEST(EditRunsTest, GroupsAdjacentEditsBetweenMatches) {
  EXPECT_TRUE(EditRuns("万元", "万元").empty());
  EXPECT_EQ((std::vector<EditRun>{{"元", "兀"}}), EditRuns("25万元", "25万兀"));
  EXPECT_EQ((std::vector<EditRun>{{"", "]"}}), EditRuns("2万元", "2]万元"));
  EXPECT_EQ((std::vector<EditRun>{{">=", "≥"}}), EditRuns(">=2家", "≥2家"));
  EXPECT_EQ((std::vector<EditRun>{{"数", "敷"}, {"0", "O"}}),
            EditRuns("数量10", "敷量1O"));
  EXPECT_EQ((std::vector<EditRun>{{"指标", ""}}), EditRuns("产出指标", "产出"));
}

}  // namespace
}  // namespace decltab::eval
