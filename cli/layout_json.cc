#include "cli/layout_json.h"

namespace decltab::cli {
namespace {

nlohmann::ordered_json BoxJson(const Rect& r) {
  return {r.x, r.y, r.width, r.height};
}

}  // namespace

nlohmann::ordered_json PageLayoutToJson(const PageLayout& page) {
  nlohmann::ordered_json out;
  out["page"] = page.page_number;
  out["dpi"] = page.dpi;
  out["width"] = page.width;
  out["height"] = page.height;
  out["skew_degrees"] = page.skew_degrees;
  out["source"] = page.source == PageSource::kTextLayer ? "text_layer" : "ocr";
  out["tables"] = nlohmann::ordered_json::array();
  for (const Table& t : page.tables) {
    nlohmann::ordered_json table;
    table["box"] = BoxJson(t.box);
    table["rows"] = t.rows;
    table["cols"] = t.cols;
    table["open_top"] = t.open_top;
    table["open_bottom"] = t.open_bottom;
    table["cells"] = nlohmann::ordered_json::array();
    for (const Cell& c : t.cells) {
      nlohmann::ordered_json cell = {{"row", c.row},
                                     {"col", c.col},
                                     {"rowspan", c.rowspan},
                                     {"colspan", c.colspan},
                                     {"box", BoxJson(c.box)},
                                     {"text", c.text},
                                     {"confidence", c.confidence}};
      if (!c.read_as.empty()) cell["read_as"] = c.read_as;
      table["cells"].push_back(std::move(cell));
    }
    out["tables"].push_back(table);
  }
  out["blocks"] = nlohmann::ordered_json::array();
  for (const TextBlock& b : page.blocks)
    out["blocks"].push_back({{"box", BoxJson(b.box)},
                             {"text", b.text},
                             {"confidence", b.confidence}});
  return out;
}

}  // namespace decltab::cli
