// TEDS-struct: tree-edit-distance similarity of two tables' structure
// (PubTabNet's metric without cell text). A table is the tree
// table -> tr (one per grid row) -> td (one per cell starting in that row,
// left to right, labelled with its rowspan and colspan); similarity is
// 1 - edit distance / size of the larger tree, with unit costs for insert,
// delete and relabel (Zhang-Shasha).
#ifndef DECLTAB_TESTS_LAYOUT_TEDS_H_
#define DECLTAB_TESTS_LAYOUT_TEDS_H_

#include <vector>

namespace decltab::layout::testing {

struct CellShape {
  int row, col, rowspan, colspan;
};

// In [0, 1]; 1 for identical structures. Two empty tables give 1.
double TedsStruct(int rows_a, const std::vector<CellShape>& a, int rows_b,
                  const std::vector<CellShape>& b);

}  // namespace decltab::layout::testing

#endif  // DECLTAB_TESTS_LAYOUT_TEDS_H_
