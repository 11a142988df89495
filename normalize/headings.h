// Section headings of a declaration, found in folded block text.
// Internal to normalize/.
#ifndef DECLTAB_NORMALIZE_HEADINGS_H_
#define DECLTAB_NORMALIZE_HEADINGS_H_

#include <optional>
#include <string>
#include <string_view>

namespace decltab::normalize {

// "项目经费情况说明--NAME" (also "情况说--", other dashes, spaces): NAME, which
// may be empty. nullopt when the block is not such a heading.
std::optional<std::string> MatchProjectHeading(std::string_view folded);

// Where a heading about `keyword` starts in `folded`: at a numbering
// ("六、年度预算", "(七)绩效目标", "7.绩效目标") or at the start of the block.
// Returns npos when absent; *end is set to just after the keyword.
size_t FindNumberedHeading(std::string_view folded, std::string_view keyword,
                           size_t* end);

// The budget heading (六、年度预算安排): *rest is the text after it.
bool FindBudgetHeading(std::string_view folded, std::string* rest);

// The goals heading (七、绩效目标) or the form's title (…绩效目标填报表):
// *before is the text before it.
bool FindGoalsHeading(std::string_view folded, std::string* before);

// A numbered section heading or a heading word (…情况, …说明, …概述).
bool LooksLikeHeading(std::string_view folded);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_HEADINGS_H_
