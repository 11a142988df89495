// Reading and writing truth JSON files without exceptions, keeping member
// order so a filled truth differs from its input only where it was filled.
#ifndef DECLTAB_TOOLS_RENDER_TRUTH_IO_H_
#define DECLTAB_TOOLS_RENDER_TRUTH_IO_H_

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"

namespace decltab::render {

// kInvalidInput when the file is missing or not JSON ("PATH: not valid JSON").
Result<nlohmann::ordered_json> ReadTruthFile(const std::string& path);

// Writes `truth` (2-space indent, UTF-8 kept as is) to PATH.tmp, then renames
// it to PATH; kInternal on failure, with nothing left behind.
Status WriteTruthFile(const std::string& path,
                      const nlohmann::ordered_json& truth);

}  // namespace decltab::render

#endif  // DECLTAB_TOOLS_RENDER_TRUTH_IO_H_
