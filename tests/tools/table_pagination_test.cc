#include "tools/render/table_pagination.h"

#include <gtest/gtest.h>

namespace decltab::render {
namespace {

TEST(PaginateRowsTest, KeepsEverythingOnOnePageWhenItFits) {
  auto slices = PaginateRows({20, 20, 20}, {}, 100, 700, true);
  ASSERT_EQ(1u, slices.size());
  EXPECT_EQ(0, slices[0].begin);
  EXPECT_EQ(3, slices[0].end);
  EXPECT_FALSE(slices[0].new_page_before);
}

TEST(PaginateRowsTest, BreaksBetweenRows) {
  auto slices = PaginateRows({30, 30, 30, 30}, {}, 70, 65, false);
  ASSERT_EQ(2u, slices.size());
  EXPECT_EQ(2, slices[0].end);
  EXPECT_EQ(2, slices[1].begin);
  EXPECT_EQ(4, slices[1].end);
  EXPECT_TRUE(slices[1].new_page_before);
}

TEST(PaginateRowsTest, MovesBreakAboveMergedCellWhoseTextWouldBeCut) {
  // Rows 1..3 form a merged cell needing 50 pt; only row 1 (20 pt) fits.
  auto slices = PaginateRows({20, 20, 20, 20}, {{1, 3, 50}}, 45, 700, false);
  ASSERT_EQ(2u, slices.size());
  EXPECT_EQ(1, slices[0].end);
  EXPECT_EQ(1, slices[1].begin);
}

TEST(PaginateRowsTest, LetsMergedCellContinueWhenItsFirstPartHoldsTheText) {
  auto slices = PaginateRows({20, 20, 20, 20}, {{0, 4, 30}}, 45, 700, false);
  ASSERT_EQ(2u, slices.size());
  EXPECT_EQ(2, slices[0].end);
}

TEST(PaginateRowsTest,
     MovesWholeTableToNextPageWhenNothingCanStayAndPageHasContent) {
  // A header kept with the next row: 25 + 25 > 40 left on the page.
  auto slices = PaginateRows({25, 25, 25}, {{0, 2, 50}}, 40, 700, true);
  ASSERT_EQ(1u, slices.size());
  EXPECT_TRUE(slices[0].new_page_before);
  EXPECT_EQ(0, slices[0].begin);
  EXPECT_EQ(3, slices[0].end);
}

TEST(PaginateRowsTest, GivesATooTallRowAPageOfItsOwn) {
  auto slices = PaginateRows({10, 900, 10}, {}, 700, 700, false);
  ASSERT_EQ(3u, slices.size());
  EXPECT_EQ(1, slices[1].begin);
  EXPECT_EQ(2, slices[1].end);
  EXPECT_EQ(3, slices[2].end);
}

}  // namespace
}  // namespace decltab::render
