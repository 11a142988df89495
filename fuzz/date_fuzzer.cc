// Dates (normalize/date.h) on arbitrary text. Properties: a parsed date is
// "YYYY-MM-DD" with a year in 1900..2200, and parsing that text gives it back.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "normalize/date.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<std::string> date = decltab::normalize::ParseDate(text);
  if (!date) return 0;
  FUZZ_CHECK(date->size() == 10);
  FUZZ_CHECK((*date)[4] == '-' && (*date)[7] == '-');
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    FUZZ_CHECK((*date)[i] >= '0' && (*date)[i] <= '9');
  const int year = std::stoi(date->substr(0, 4));
  FUZZ_CHECK(year >= 1900 && year <= 2200);
  FUZZ_CHECK(decltab::normalize::ParseDate(*date) == date);
  return 0;
}
