// The national performance-indicator vocabulary (一级/二级指标 names), used to
// repair OCR in those two columns only. 三级指标 and targets are free text and
// are never corrected toward this list.
#ifndef DECLTAB_NORMALIZE_VOCABULARY_H_
#define DECLTAB_NORMALIZE_VOCABULARY_H_

#include <string>
#include <string_view>
#include <vector>

namespace decltab::normalize {

enum class Level { kLevel1, kLevel2 };

// The entries of one level, in the order forms list them.
const std::vector<std::string>& Vocabulary(Level level);

// Returns the vocabulary entry that `text` (after FoldCompact) spells, allowing
// a lost wrapped last character ("产出指" → 产出指标) or one
// OCR error (two in labels of 6+ characters) when exactly one entry is that
// close ("产山指标" → 产出指标; "X量指标" is as close to 数量指标 as to
// 质量指标 and stays). Otherwise returns the folded text unchanged: a label
// written without 指标 ("满意度", "经济效益") is the form's wording, kept.
std::string SnapLabel(std::string_view text, Level level);

// The entry of `entries` nearest `text` in edit distance (code points),
// when it is within `max_edits` and strictly nearer than every other entry;
// entries whose length differs from the text's by more than
// `max_length_change` code points are not taken (they still count as
// rivals). nullptr when no entry qualifies.
const std::string* NearestEntry(std::u32string_view text,
                                const std::vector<std::string>& entries,
                                int max_edits, int max_length_change);

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_VOCABULARY_H_
