// Indicator targets (normalize/target.h) on arbitrary text. Properties: the
// normalized text has no spaces and normalizing it again changes nothing; a
// parsed target has one of the five comparison operators, a non-negative
// value and a unit of at most 4 characters without digits.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "normalize/target.h"
#include "normalize/text.h"

namespace {

using namespace decltab;
using namespace decltab::normalize;

void CheckParsed(std::string_view text) {
  std::optional<TargetParsed> t = ParseTarget(text);
  if (!t) return;
  FUZZ_CHECK(t->op == ">=" || t->op == "<=" || t->op == "=" || t->op == ">" ||
             t->op == "<");
  FUZZ_CHECK(t->value.mantissa >= 0);
  FUZZ_CHECK(t->value.scale >= 0 && t->value.scale <= 9);
  FUZZ_CHECK(CodePointCount(t->unit) <= 4);
  FUZZ_CHECK(t->unit.find_first_of("0123456789") == std::string::npos);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string normalized = NormalizeTarget(text);
  FUZZ_CHECK(normalized.find(' ') == std::string::npos);
  FUZZ_CHECK(NormalizeTarget(normalized) == normalized);
  CheckParsed(normalized);
  CheckParsed(text);
  return 0;
}
