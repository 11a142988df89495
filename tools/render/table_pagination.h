// Splits the rows of a ruled table into per-page slices. Pure arithmetic on
// row heights (points), so it is tested without drawing anything.
#ifndef DECLTAB_TOOLS_RENDER_TABLE_PAGINATION_H_
#define DECLTAB_TOOLS_RENDER_TABLE_PAGINATION_H_

#include <vector>

namespace decltab::render {

// Rows [first_row, first_row + row_count) whose part on the page where they
// start must be at least `min_height` tall: a merged cell's text is drawn in
// its first part, and a header row must not be left alone at a page foot.
struct KeepTogether {
  int first_row = 0;
  int row_count = 1;
  double min_height = 0;
};

struct PageSlice {
  int begin = 0, end = 0;        // rows [begin, end)
  bool new_page_before = false;  // start a fresh page before drawing
};

// `first_space` is the room left on the current page, `full_space` that of
// an empty page; `page_has_content` says whether the current page already
// holds something (only then may the table start on the next page). Breaks
// fall between rows; a row taller than a page gets a page of its own.
std::vector<PageSlice> PaginateRows(const std::vector<double>& row_heights,
                                    const std::vector<KeepTogether>& keeps,
                                    double first_space, double full_space,
                                    bool page_has_content);

}  // namespace decltab::render

#endif  // DECLTAB_TOOLS_RENDER_TABLE_PAGINATION_H_
