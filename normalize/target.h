// 年度指标值 (indicator targets): normalized text, and {op, value, unit} for
// the quantitative ones. Qualitative targets (及时, 合理, 提升) stay text.
#ifndef DECLTAB_NORMALIZE_TARGET_H_
#define DECLTAB_NORMALIZE_TARGET_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/declaration.h"

namespace decltab::normalize {

// FoldText and no spaces at all: ">= 2 家" → ">=2家", "控制于预算 内" →
// "控制于预算内", "≥90 %" → ">=90%".
std::string NormalizeTarget(std::string_view text);

// Reads a normalized target: ">=2家" → {">=", 2, "家"}, "=100%",
// "<=5%", ">90%", "100%" → {"=", 100, "%"}, "48小时内" → {"<=", 48, "小时"},
// "不少于100人" → {">=", 100, "人"}. The unit is at most 4 characters without
// digits; it may be empty ("46"). Returns nullopt for qualitative or
// compound targets (及时, 当年内, 控制于预算内, 4-5期).
std::optional<TargetParsed> ParseTarget(std::string_view normalized);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_TARGET_H_
