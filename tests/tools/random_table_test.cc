#include "tools/scan/random_table.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace decltab::tools {
namespace {

RandomTableOptions SmallOptions() {
  RandomTableOptions options;
  options.dpi = 100;  // keeps the tests quick; layout does not depend on it
  return options;
}

TEST(RandomTableTest, TruthCoversEveryGridPositionExactlyOnce) {
  RandomTableOptions options = SmallOptions();
  options.span_probability = 0.4;  // many merged cells
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    RandomTablePage page = GenerateRandomTablePage(seed, options);
    ASSERT_GE(page.tables.size(), 1u) << seed;
    ASSERT_LE(page.tables.size(), static_cast<size_t>(options.max_tables));
    for (const TableTruth& t : page.tables) {
      EXPECT_GE(t.rows, options.min_rows) << seed;
      EXPECT_LE(t.rows, options.max_rows) << seed;
      EXPECT_GE(t.cols, options.min_cols) << seed;
      EXPECT_LE(t.cols, options.max_cols) << seed;
      std::vector<int> covered(t.rows * t.cols, 0);
      int previous = -1;
      for (const TableTruthCell& c : t.cells) {
        ASSERT_GE(c.row, 0);
        ASSERT_GE(c.col, 0);
        ASSERT_GE(c.rowspan, 1);
        ASSERT_GE(c.colspan, 1);
        ASSERT_LE(c.row + c.rowspan, t.rows) << seed;
        ASSERT_LE(c.col + c.colspan, t.cols) << seed;
        int position = c.row * t.cols + c.col;
        EXPECT_GT(position, previous) << "cells not row-major, seed " << seed;
        previous = position;
        EXPECT_EQ(std::string::npos, c.text.find('\n')) << c.text;
        for (int r = c.row; r < c.row + c.rowspan; ++r)
          for (int k = c.col; k < c.col + c.colspan; ++k) ++covered[r * t.cols + k];
      }
      for (int i = 0; i < t.rows * t.cols; ++i)
        EXPECT_EQ(1, covered[i]) << "seed " << seed << " position " << i;
    }
  }
}

TEST(RandomTableTest, SameSeedSamePageOtherSeedOtherPage) {
  RandomTableOptions options = SmallOptions();
  RandomTablePage a = GenerateRandomTablePage(5, options);
  RandomTablePage b = GenerateRandomTablePage(5, options);
  RandomTablePage c = GenerateRandomTablePage(6, options);
  EXPECT_EQ(a.image.pixels, b.image.pixels);
  ASSERT_EQ(a.tables.size(), b.tables.size());
  for (size_t i = 0; i < a.tables.size(); ++i) {
    ASSERT_EQ(a.tables[i].cells.size(), b.tables[i].cells.size());
    for (size_t k = 0; k < a.tables[i].cells.size(); ++k)
      EXPECT_EQ(a.tables[i].cells[k].text, b.tables[i].cells[k].text);
  }
  EXPECT_NE(a.image.pixels, c.image.pixels);
}

TEST(RandomTableTest, PageIsA4AtTheRequestedDpi) {
  const struct { int dpi, width, height; } kCases[] = {
      {100, 827, 1169}, {150, 1240, 1754}, {200, 1654, 2339}};
  for (const auto& c : kCases) {
    RandomTableOptions options;
    options.dpi = c.dpi;
    options.max_rows = 3;
    RandomTablePage page = GenerateRandomTablePage(1, options);
    EXPECT_EQ(c.width, page.image.width) << c.dpi;
    EXPECT_EQ(c.height, page.image.height) << c.dpi;
    EXPECT_EQ(c.dpi, page.image.dpi);
    EXPECT_EQ(static_cast<size_t>(c.width) * c.height, page.image.pixels.size());
  }
}

TEST(RandomTableTest, HonoursSpanAndBorderProbabilities) {
  RandomTableOptions options = SmallOptions();
  options.span_probability = 0;
  options.borderless_probability = 1;
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    for (const TableTruth& t : GenerateRandomTablePage(seed, options).tables) {
      EXPECT_FALSE(t.outer_border);
      EXPECT_EQ(static_cast<size_t>(t.rows * t.cols), t.cells.size());
    }
  }
  options.borderless_probability = 0;
  for (uint64_t seed = 1; seed <= 10; ++seed)
    for (const TableTruth& t : GenerateRandomTablePage(seed, options).tables)
      EXPECT_TRUE(t.outer_border);
}

TEST(RandomTableTest, TextMixesChineseNumbersAndBlanks) {
  int cjk = 0, numeric = 0, blank = 0;
  for (uint64_t seed = 1; seed <= 10; ++seed)
    for (const TableTruth& t : GenerateRandomTablePage(seed, SmallOptions()).tables)
      for (const TableTruthCell& c : t.cells) {
        if (c.text.empty()) ++blank;
        else if (static_cast<unsigned char>(c.text[0]) >= 0xe0) ++cjk;
        else if (c.text.find_first_of("0123456789") != std::string::npos) ++numeric;
      }
  EXPECT_GT(cjk, 20);
  EXPECT_GT(numeric, 20);
  EXPECT_GT(blank, 2);
}

// The image shows what the truth says: a single bordered table without
// spans has exactly rows + 1 horizontal rulings.
TEST(RandomTableTest, DrawsOneHorizontalRulingPerGridLine) {
  RandomTableOptions options;
  options.dpi = 150;
  options.max_tables = 1;
  options.span_probability = 0;
  options.borderless_probability = 0;
  for (uint64_t seed = 1; seed <= 8; ++seed) {
    RandomTablePage page = GenerateRandomTablePage(seed, options);
    ASSERT_EQ(1u, page.tables.size());
    const PageImage& img = page.image;
    int rulings = 0;
    bool in_ruling = false;
    for (int y = 0; y < img.height; ++y) {
      int run = 0, longest = 0;
      for (int x = 0; x < img.width; ++x) {
        run = img.pixels[static_cast<size_t>(y) * img.width + x] < 128 ? run + 1 : 0;
        longest = std::max(longest, run);
      }
      bool ruling = longest > img.width / 3;
      if (ruling && !in_ruling) ++rulings;
      in_ruling = ruling;
    }
    EXPECT_EQ(page.tables[0].rows + 1, rulings) << "seed " << seed;
  }
}

}  // namespace
}  // namespace decltab::tools
