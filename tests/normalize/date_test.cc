#include "normalize/date.h"

#include <gtest/gtest.h>

namespace decltab::normalize {
namespace {

TEST(ParseDateTest, Formats) {
  const struct {
    const char* text;
    const char* iso;  // nullptr: not a date
  } kCases[] = {
      {"2023-01-01", "2023-01-01"},
      {"2023-12-3 1", "2023-12-31"},
      {"2023年1月1日", "2023-01-01"},
      {"2023 年 12 月 31 日", "2023-12-31"},
      {"2023.1.1", "2023-01-01"},
      {"2023/01/01", "2023-01-01"},
      {"２０２３－０３－０５", "2023-03-05"},
      {"20230101", "2023-01-01"},
      {"2024-02-29", "2024-02-29"},
      {"2023-02-29", nullptr},
      {"2023-13-01", nullptr},
      {"2023-01", nullptr},
      {"23-01-01", nullptr},
      {"当年内", nullptr},
      {"", nullptr},
      {"2023年1月1日—2023年12月31日", nullptr},
  };
  for (const auto& c : kCases) {
    std::optional<std::string> d = ParseDate(c.text);
    if (c.iso == nullptr) {
      EXPECT_FALSE(d.has_value()) << c.text << " -> " << d.value_or("");
    } else {
      EXPECT_EQ(c.iso, d.value_or("none")) << c.text;
    }
  }
}

}  // namespace
}  // namespace decltab::normalize
