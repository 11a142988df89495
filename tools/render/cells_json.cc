#include "tools/render/cells_json.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

namespace decltab::render {
namespace {

double Round2(double v) { return std::round(v * 100) / 100; }

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', /*ensure_ascii=*/false,
                nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

std::string CellsJson(const RenderReport& report) {
  using Json = nlohmann::ordered_json;
  std::string out = "{\"schema\":\"decltab-cells/1\",\"unit\":\"pt\"";
  out += ",\"page_width\":" + Dump(Json(Round2(report.page_width)));
  out += ",\"page_height\":" + Dump(Json(Round2(report.page_height)));
  out += ",\"pages\":" + std::to_string(report.page_count);
  out += ",\"cells\":[";
  for (size_t i = 0; i < report.cells.size(); ++i) {
    const DrawnCell& c = report.cells[i];
    Json cell = {{"page", c.page},       {"table", c.table},
                 {"band", c.band},       {"row", c.row},
                 {"col", c.col},         {"rowspan", c.rowspan},
                 {"colspan", c.colspan}, {"box", {Round2(c.x), Round2(c.y),
                                                  Round2(c.width),
                                                  Round2(c.height)}},
                 {"text", c.text}};
    if (c.continued) cell["continued"] = true;
    out += i == 0 ? "\n" : ",\n";
    out += Dump(cell);
  }
  out += "\n]}\n";
  return out;
}

Status WriteCellsFile(const std::string& path, const RenderReport& report) {
  const std::string temp_path = path + ".tmp";
  {
    std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Internal(temp_path + ": cannot create");
    out << CellsJson(report);
    out.flush();
    if (!out) {
      std::remove(temp_path.c_str());
      return Status::Internal(temp_path + ": write failed");
    }
  }
  if (std::rename(temp_path.c_str(), path.c_str()) != 0) {
    std::remove(temp_path.c_str());
    return Status::Internal(path + ": cannot move into place");
  }
  return Status::Ok();
}

}  // namespace decltab::render
