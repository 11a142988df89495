#include "tools/render/truth_io.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace decltab::render {

Result<nlohmann::ordered_json> ReadTruthFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput(path + ": cannot open");
  std::stringstream buffer;
  buffer << in.rdbuf();
  nlohmann::ordered_json truth = nlohmann::ordered_json::parse(
      buffer.str(), /*cb=*/nullptr, /*allow_exceptions=*/false);
  if (truth.is_discarded())
    return Status::InvalidInput(path + ": not valid JSON");
  return truth;
}

Status WriteTruthFile(const std::string& path,
                      const nlohmann::ordered_json& truth) {
  const std::string temp_path = path + ".tmp";
  {
    std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Internal(temp_path + ": cannot create");
    // Replace invalid UTF-8 rather than throw: the library must not throw.
    out << truth.dump(2, ' ', /*ensure_ascii=*/false,
                      nlohmann::ordered_json::error_handler_t::replace)
        << "\n";
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
