// Reading the two inputs of the per-cell scorer (tests/eval/cell_score.h).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "tests/eval/cell_score.h"

namespace decltab::eval {
namespace {

using Json = nlohmann::json;

Result<Json> ReadJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput(path + ": cannot open");
  std::stringstream buffer;
  buffer << in.rdbuf();
  Json j = Json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidInput(path + ": not valid JSON");
  return j;
}

bool IsBox(const Json& box) {
  if (!box.is_array() || box.size() != 4) return false;
  for (const Json& v : box)
    if (!v.is_number()) return false;
  return true;
}

PageBox Fraction(const Json& box, double page_width, double page_height) {
  return {box[0].get<double>() / page_width, box[1].get<double>() / page_height,
          box[2].get<double>() / page_width,
          box[3].get<double>() / page_height};
}

// The cells of one page JSON; false when it is not shaped like one.
bool AppendPageCells(const Json& page, std::vector<PageCell>* out) {
  if (!page.is_object() || !page.value("page", Json()).is_number_integer() ||
      !page.value("width", Json()).is_number() ||
      !page.value("height", Json()).is_number() ||
      !page.value("tables", Json()).is_array())
    return false;
  const double w = page["width"].get<double>(), h = page["height"].get<double>();
  if (w <= 0 || h <= 0) return false;
  for (const Json& table : page["tables"]) {
    if (!table.is_object() || !table.value("cells", Json()).is_array())
      return false;
    for (const Json& cell : table["cells"]) {
      if (!cell.is_object() || !IsBox(cell.value("box", Json())) ||
          !cell.value("text", Json()).is_string())
        return false;
      out->push_back({page["page"].get<int>(), Fraction(cell["box"], w, h),
                      cell["text"].get<std::string>()});
    }
  }
  return true;
}

}  // namespace

Result<std::vector<PageCell>> ReadTruthCells(const std::string& path) {
  Result<Json> j = ReadJson(path);
  if (!j.ok()) return j.status();
  const Json& root = *j;
  if (!root.is_object() || !root.value("page_width", Json()).is_number() ||
      !root.value("page_height", Json()).is_number() ||
      !root.value("cells", Json()).is_array())
    return Status::InvalidInput(path + ": not a cells truth file");
  const double w = root["page_width"].get<double>();
  const double h = root["page_height"].get<double>();
  if (w <= 0 || h <= 0) return Status::InvalidInput(path + ": bad page size");
  std::vector<PageCell> cells;
  for (const Json& cell : root["cells"]) {
    if (!cell.is_object() || !cell.value("page", Json()).is_number_integer() ||
        !IsBox(cell.value("box", Json())) ||
        !cell.value("text", Json()).is_string())
      return Status::InvalidInput(path + ": cell " +
                                  std::to_string(cells.size()) + " malformed");
    cells.push_back({cell["page"].get<int>(), Fraction(cell["box"], w, h),
                     cell["text"].get<std::string>()});
  }
  return cells;
}

Result<std::vector<PageCell>> ReadLayoutCells(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status::InvalidInput(dir + ": cannot list");
  std::vector<std::string> paths;
  const std::regex page_file(R"(page-[0-9]+\.json)");
  for (const fs::directory_entry& e : it)
    if (std::regex_match(e.path().filename().string(), page_file))
      paths.push_back(e.path().string());
  if (paths.empty()) return Status::InvalidInput(dir + ": no page-N.json");
  std::sort(paths.begin(), paths.end());
  std::vector<PageCell> cells;
  for (const std::string& path : paths) {
    Result<Json> page = ReadJson(path);
    if (!page.ok()) return page.status();
    if (!AppendPageCells(*page, &cells))
      return Status::InvalidInput(path + ": not a decltab page layout");
  }
  return cells;
}

}  // namespace decltab::eval
