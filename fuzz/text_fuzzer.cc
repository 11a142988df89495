// Text folding, label similarity and section headings (normalize/text.h,
// normalize/headings.h) on arbitrary bytes. Properties: folded text is
// valid UTF-8, trimmed, without double spaces, and folding it again changes
// nothing; a label is fully similar to itself and similarity stays in
// [0, 1]; heading positions lie inside the text they were found in.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "normalize/headings.h"
#include "normalize/text.h"

namespace {

using namespace decltab::normalize;

bool IsValidUtf8(const std::string& s) {
  std::u32string decoded = ToU32(s);
  for (char32_t c : decoded)
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
  return ToUtf8(decoded) == s;
}

void CheckHeadings(const std::string& folded) {
  MatchProjectHeading(folded);
  LooksLikeHeading(folded);
  size_t end = 0;
  size_t start = FindNumberedHeading(folded, "绩效目标", &end);
  if (start != std::string_view::npos) {
    FUZZ_CHECK(start < end);
    FUZZ_CHECK(end <= folded.size());
  }
  std::string rest, before;
  if (FindBudgetHeading(folded, &rest)) FUZZ_CHECK(rest.size() < folded.size());
  if (FindGoalsHeading(folded, &before))
    FUZZ_CHECK(before.size() < folded.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string folded = FoldText(text);
  FUZZ_CHECK(IsValidUtf8(folded));
  FUZZ_CHECK(folded.empty() || (folded.front() != ' ' && folded.back() != ' '));
  FUZZ_CHECK(folded.find("  ") == std::string::npos);
  FUZZ_CHECK(FoldText(folded) == folded);
  const std::string compact = FoldCompact(text);
  FUZZ_CHECK(compact.find(' ') == std::string::npos);

  FUZZ_CHECK(LabelSimilarity(text, text) == 1.0);
  const std::string_view half = text.substr(0, size / 2);
  const double similarity = LabelSimilarity(half, text.substr(size / 2));
  FUZZ_CHECK(similarity >= 0.0 && similarity <= 1.0);

  CheckHeadings(folded);
  return 0;
}
