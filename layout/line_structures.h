// Groups ruling-line segments into line structures, one per table: segments
// that meet or continue each other, plus structures that a scan or a merged
// cell cut apart. Internal to layout/.
#ifndef DECLTAB_LAYOUT_LINE_STRUCTURES_H_
#define DECLTAB_LAYOUT_LINE_STRUCTURES_H_

#include <vector>

#include "layout/layout_options.h"
#include "layout/ruling_lines.h"

namespace decltab::layout {

// Indices into RulingLines::horizontal / vertical.
struct Structure {
  std::vector<int> horizontal;
  std::vector<int> vertical;
};

// Union-find over small integer ids; the root of a set is its smallest id.
class DisjointSets {
 public:
  explicit DisjointSets(int size);
  int Find(int i);
  bool Union(int a, int b);  // false when already joined

 private:
  std::vector<int> parent_;
};

// The line structures of `lines` (pixels at `dpi`):
//  - a horizontal and a vertical segment that meet within join_tolerance_mm
//    are joined (or stop up to max_line_gap_mm short of each other, with
//    pieces of line over half of the gap: dropouts next to a crossing), and
//    so are collinear pieces as far apart (or up to max_line_gap_mm apart
//    when bits of line remain in the gap);
//  - structures whose areas overlap are one table (a line lost at a crossing
//    can cut a table in two);
//  - two frameless structures (no side lines) stacked with the same width,
//    the upper ending and the lower starting with a full-width line, are one
//    borderless table cut by a merged full-width row; likewise side by side
//    for a merged full-height column. A lone rule of the same width (one
//    line meeting no other) is such a part too: the boundary between two
//    merged full-width rows.
// Structures without both horizontal and vertical segments are returned too.
std::vector<Structure> FindStructures(const RulingLines& lines, int dpi,
                                      const LayoutOptions& options);

}  // namespace decltab::layout

#endif  // DECLTAB_LAYOUT_LINE_STRUCTURES_H_
