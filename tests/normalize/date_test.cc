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

TEST(ParsePeriodTest, OneCellPeriods) {
  using Period = std::pair<std::string, std::string>;
  EXPECT_EQ(Period("2023-01-01", "2023-12-31"),
            ParsePeriod("2023-01-01至2023-12-31"));
  EXPECT_EQ(Period("2023-01-01", "2023-12-31"),
            ParsePeriod("2023年1月-2023年12月"));
  EXPECT_EQ(Period("2024-01-01", "2024-06-30"), ParsePeriod("2024.01-2024.06"));
  EXPECT_EQ(Period("2024-03-15", "2024-12-31"),
            ParsePeriod("2024年3月15日～2024年底"));
  EXPECT_EQ(Period("2024-01-01", "2024-12-31"),
            ParsePeriod("2024-01-01-2024-12-31"));
  EXPECT_EQ(Period("2024-02-01", "2024-02-29"),
            ParsePeriod("2024年2月 — 2024年2月"));
  EXPECT_EQ(Period("2023-01-01", "2025-12-31"), ParsePeriod("2023年-2025年"));
  EXPECT_EQ(Period("2024-01-01", "2024-12-31"),
            ParsePeriod("2024年1月——2024年12月"));
  EXPECT_EQ(Period("2024-01-01", "2024-12-31"),
            ParsePeriod("2024年1月－2024年12月"));
}

TEST(ParsePeriodTest, RefusesWhatIsNoPeriod) {
  EXPECT_FALSE(ParsePeriod("2023-01-01").has_value());
  EXPECT_FALSE(ParsePeriod("2024年12月至2024年1月").has_value());  // backwards
  EXPECT_FALSE(ParsePeriod("2023年13月-2023年12月").has_value());
  EXPECT_FALSE(ParsePeriod("一年").has_value());
  EXPECT_FALSE(ParsePeriod("长期").has_value());
}

}  // namespace
}  // namespace decltab::normalize
