// `decltab layout`: the page model as JSON, one file per page, for people
// and tools that want to see what decltab read before any interpretation.
#ifndef DECLTAB_CLI_LAYOUT_JSON_H_
#define DECLTAB_CLI_LAYOUT_JSON_H_

#include <nlohmann/json.hpp>

#include "core/page_layout.h"

namespace decltab::cli {

nlohmann::ordered_json PageLayoutToJson(const PageLayout& page);

}  // namespace decltab::cli

#endif  // DECLTAB_CLI_LAYOUT_JSON_H_
