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

// The confidence an indicator keeps at most when DoubtfulTarget finds a
// reason: below the default --min-confidence, so it never looks sure.
constexpr float kDoubtfulTargetConfidence = 0.3f;

// Why the target of an indicator named `level3` is probably misread, or ""
// when nothing says so:
//  - a rate above 100% for a 率 or 满意度 indicator (growth rates, 增长率 /
//    增幅 / 提高, excepted): ≥90% read as 290%, or a year read into it;
//  - a comparison sign unsure: one character before the number that is no
//    comparison word, Latin or one of the glyphs chi_sim reads for ≥ and ≤
//    (之 么; "z=100人", "之120公里", "么45元/吨"), or an = after a letter.
// `normalized` is NormalizeTarget's output, `parsed` ParseTarget's.
std::string DoubtfulTarget(std::string_view level3, std::string_view normalized,
                           const std::optional<TargetParsed>& parsed);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_TARGET_H_
