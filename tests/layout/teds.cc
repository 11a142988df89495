#include "tests/layout/teds.h"

#include <algorithm>
#include <string>

namespace decltab::layout::testing {
namespace {

// A tree in postorder: labels, and each node's leftmost leaf descendant.
struct PostorderTree {
  std::vector<std::string> label;
  std::vector<int> leftmost;
  std::vector<int> keyroots;
};

PostorderTree TableTree(int rows, std::vector<CellShape> cells) {
  std::sort(cells.begin(), cells.end(), [](const CellShape& x, const CellShape& y) {
    return x.row != y.row ? x.row < y.row : x.col < y.col;
  });
  PostorderTree t;
  size_t next = 0;
  for (int r = 0; r < rows; ++r) {
    int first = static_cast<int>(t.label.size());
    for (; next < cells.size() && cells[next].row == r; ++next) {
      t.label.push_back("td" + std::to_string(cells[next].rowspan) + "x" +
                        std::to_string(cells[next].colspan));
      t.leftmost.push_back(static_cast<int>(t.label.size()) - 1);
    }
    t.label.push_back("tr");
    t.leftmost.push_back(first);  // itself when the row holds no cell
  }
  t.label.push_back("table");
  t.leftmost.push_back(0);
  // Keyroots: the highest node of each leftmost-leaf value.
  int n = static_cast<int>(t.label.size());
  std::vector<bool> seen(static_cast<size_t>(n), false);
  for (int i = n - 1; i >= 0; --i)
    if (!seen[t.leftmost[i]]) {
      seen[t.leftmost[i]] = true;
      t.keyroots.push_back(i);
    }
  std::sort(t.keyroots.begin(), t.keyroots.end());
  return t;
}

int TreeDistance(const PostorderTree& a, const PostorderTree& b) {
  int n = static_cast<int>(a.label.size()), m = static_cast<int>(b.label.size());
  std::vector<std::vector<int>> td(n, std::vector<int>(m, 0));
  std::vector<std::vector<int>> fd(n + 1, std::vector<int>(m + 1, 0));
  for (int i : a.keyroots)
    for (int j : b.keyroots) {
      int li = a.leftmost[i], lj = b.leftmost[j];
      // fd[x][y]: forest a[li..li+x-1] vs b[lj..lj+y-1].
      fd[0][0] = 0;
      for (int x = 1; x <= i - li + 1; ++x) fd[x][0] = fd[x - 1][0] + 1;
      for (int y = 1; y <= j - lj + 1; ++y) fd[0][y] = fd[0][y - 1] + 1;
      for (int x = 1; x <= i - li + 1; ++x)
        for (int y = 1; y <= j - lj + 1; ++y) {
          int ai = li + x - 1, bj = lj + y - 1;
          if (a.leftmost[ai] == li && b.leftmost[bj] == lj) {
            int relabel = a.label[ai] == b.label[bj] ? 0 : 1;
            fd[x][y] = std::min({fd[x - 1][y] + 1, fd[x][y - 1] + 1,
                                 fd[x - 1][y - 1] + relabel});
            td[ai][bj] = fd[x][y];
          } else {
            int px = a.leftmost[ai] - li, py = b.leftmost[bj] - lj;
            fd[x][y] = std::min({fd[x - 1][y] + 1, fd[x][y - 1] + 1,
                                 fd[px][py] + td[ai][bj]});
          }
        }
    }
  return td[n - 1][m - 1];
}

}  // namespace

double TedsStruct(int rows_a, const std::vector<CellShape>& a, int rows_b,
                  const std::vector<CellShape>& b) {
  PostorderTree ta = TableTree(rows_a, a), tb = TableTree(rows_b, b);
  size_t larger = std::max(ta.label.size(), tb.label.size());
  return 1.0 - static_cast<double>(TreeDistance(ta, tb)) / larger;
}

}  // namespace decltab::layout::testing
