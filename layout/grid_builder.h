// Turns ruling-line segments into tables: grid lines from the union of all
// line positions of one connected line structure, then cells from the edges
// that really have a line, merged into row/column spans. Internal to layout/.
#ifndef DECLTAB_LAYOUT_GRID_BUILDER_H_
#define DECLTAB_LAYOUT_GRID_BUILDER_H_

#include <vector>

#include "core/page_layout.h"
#include "layout/layout_options.h"
#include "layout/ruling_lines.h"

namespace decltab::layout {

// Tables found in `lines` (pixels of the upright page at `dpi`), top to
// bottom. A structure needs horizontal and vertical lines that meet; a table
// without an outer border gets its edges from the extent of its inner lines,
// and one whose top (bottom) line is missing while its side borders run on
// is marked open_top (open_bottom). Cells have no text.
std::vector<Table> BuildTables(const RulingLines& lines, int dpi,
                               const LayoutOptions& options);

}  // namespace decltab::layout

#endif  // DECLTAB_LAYOUT_GRID_BUILDER_H_
