// The per-cell ground truth of a rendered declaration: every table cell the
// renderer drew, with its page, box and printed text, for scoring what
// decltab reads cell by cell (tests/eval/cell_score.h).
#ifndef DECLTAB_TOOLS_RENDER_CELLS_JSON_H_
#define DECLTAB_TOOLS_RENDER_CELLS_JSON_H_

#include <string>

#include "core/status.h"
#include "tools/render/declaration_renderer.h"

namespace decltab::render {

// {"schema":"decltab-cells/1","unit":"pt","page_width":W,"page_height":H,
//  "pages":N,"cells":[{"page","table","band","row","col","rowspan","colspan",
//  "box":[x,y,w,h],"text"[,"continued":true]}, ...]} with one cell per line.
// Boxes are in points from the top-left of the page, rounded to 0.01.
std::string CellsJson(const RenderReport& report);

// Writes CellsJson(report) to PATH.tmp, then renames it to PATH; kInternal
// on failure, with nothing left behind.
Status WriteCellsFile(const std::string& path, const RenderReport& report);

}  // namespace decltab::render

#endif  // DECLTAB_TOOLS_RENDER_CELLS_JSON_H_
