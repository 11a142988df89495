#include "tests/layout/teds.h"

#include <gtest/gtest.h>

namespace decltab::layout::testing {
namespace {

std::vector<CellShape> Grid(int rows, int cols) {
  std::vector<CellShape> cells;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) cells.push_back({r, c, 1, 1});
  return cells;
}

TEST(TedsStructTest, IdenticalTablesScoreOne) {
  EXPECT_DOUBLE_EQ(1.0, TedsStruct(3, Grid(3, 4), 3, Grid(3, 4)));
  EXPECT_DOUBLE_EQ(1.0, TedsStruct(0, {}, 0, {}));
}

TEST(TedsStructTest, CountsEditsOverTheLargerTree) {
  // 2x2: table, 2 tr, 4 td = 7 nodes.
  std::vector<CellShape> merged = {{0, 0, 1, 2}, {1, 0, 1, 1}, {1, 1, 1, 1}};
  // Relabel td1x1 -> td1x2 and delete one td: 2 edits over 7 nodes.
  EXPECT_NEAR(1.0 - 2.0 / 7, TedsStruct(2, Grid(2, 2), 2, merged), 1e-9);
  EXPECT_NEAR(1.0 - 2.0 / 7, TedsStruct(2, merged, 2, Grid(2, 2)), 1e-9);
  // A missing row: delete tr and its 2 td from 7 nodes.
  EXPECT_NEAR(1.0 - 3.0 / 7, TedsStruct(2, Grid(2, 2), 1, Grid(1, 2)), 1e-9);
  // An empty table is the bare root: six deletions.
  EXPECT_NEAR(1.0 - 6.0 / 7, TedsStruct(2, Grid(2, 2), 0, {}), 1e-9);
}

}  // namespace
}  // namespace decltab::layout::testing
