#include "tools/render/table_pagination.h"

namespace decltab::render {

std::vector<PageSlice> PaginateRows(const std::vector<double>& row_heights,
                                    const std::vector<KeepTogether>& keeps,
                                    double first_space, double full_space,
                                    bool page_has_content) {
  const int n = static_cast<int>(row_heights.size());
  std::vector<PageSlice> slices;
  int begin = 0;
  double space = first_space;
  bool movable = page_has_content;  // may this page get none of the rows?
  bool new_page = false;
  // Rounding slack, so a row exactly filling the page still fits.
  constexpr double kEpsilon = 1e-6;
  while (begin < n) {
    int end = begin;
    double used = 0;
    while (end < n && used + row_heights[end] <= space + kEpsilon)
      used += row_heights[end++];
    if (end < n) {
      // The break before `end` must not cut a keep-together group too early.
      // Moving the break up can expose another group, hence the loop.
      bool moved = true;
      while (moved) {
        moved = false;
        for (const KeepTogether& k : keeps) {
          const int last = k.first_row + k.row_count;  // exclusive
          if (k.first_row < begin || k.first_row >= end || last <= end)
            continue;
          double part = 0;
          for (int r = k.first_row; r < end; ++r) part += row_heights[r];
          if (part + kEpsilon < k.min_height &&
              (k.first_row > begin || movable)) {
            end = k.first_row;
            moved = true;
          }
        }
      }
    }
    if (end == begin) {
      if (movable) {  // nothing of the table on this page: go to the next one
        space = full_space;
        movable = false;
        new_page = true;
        continue;
      }
      end = begin + 1;  // taller than a page: it gets the page anyway
    }
    slices.push_back({begin, end, new_page});
    begin = end;
    space = full_space;
    movable = false;
    new_page = true;
  }
  return slices;
}

}  // namespace decltab::render
