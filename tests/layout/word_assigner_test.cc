#include <gtest/gtest.h>

#include "layout/page_analyzer.h"

namespace decltab::layout {
namespace {

// A 2x3 table: rows at y 100/150/250, columns at x 100/300/500/700; cell
// (1,1) spans two columns.
Table TwoByThree() {
  Table t;
  t.rows = 2;
  t.cols = 3;
  t.row_lines = {100, 150, 250};
  t.col_lines = {100, 300, 500, 700};
  t.box = Rect{99, 99, 602, 152};
  auto cell = [](int r, int c, int rs, int cs, Rect box) {
    Cell x;
    x.row = r;
    x.col = c;
    x.rowspan = rs;
    x.colspan = cs;
    x.box = box;
    return x;
  };
  t.cells = {cell(0, 0, 1, 1, {101, 101, 198, 48}),
             cell(0, 1, 1, 1, {301, 101, 198, 48}),
             cell(0, 2, 1, 1, {501, 101, 198, 48}),
             cell(1, 0, 1, 1, {101, 151, 198, 98}),
             cell(1, 1, 1, 2, {301, 151, 398, 98})};
  return t;
}

TEST(AssignWordsTest, JoinsCjkWithoutSpacesAndLatinWithSpaces) {
  std::vector<Table> tables = {TwoByThree()};
  std::vector<Word> words = {
      {"资金", {150, 110, 40, 20}}, {"项目", {110, 110, 40, 20}},  // touching
      {"2023", {310, 110, 50, 20}}, {"年", {362, 110, 20, 20}},
      {"total", {510, 110, 60, 20}}, {"amount", {580, 110, 70, 20}},
      // Two lines in the merged cell, given out of order.
      {"line", {320, 200, 50, 20}}, {"two", {380, 200, 40, 20}},
      {"Line", {320, 160, 50, 20}}, {"one", {380, 160, 40, 20}},
  };
  std::vector<TextBlock> blocks;
  AssignWords(words, &tables, &blocks);
  const Table& t = tables[0];
  EXPECT_EQ("项目资金", t.At(0, 0)->text);
  EXPECT_EQ("2023年", t.At(0, 1)->text);
  EXPECT_EQ("total amount", t.At(0, 2)->text);
  EXPECT_EQ("Line one line two", t.At(1, 2)->text);
  EXPECT_EQ("", t.At(1, 0)->text);
  EXPECT_TRUE(blocks.empty());
}

TEST(AssignWordsTest, TouchingLatinRunsAndWrappedCjkStayUnspaced) {
  std::vector<Table> tables = {TwoByThree()};
  std::vector<Word> words = {
      {"37800", {110, 160, 60, 20}}, {"000.00", {170, 160, 70, 20}},  // touching runs
      {"其中：财政", {310, 160, 150, 20}}, {"资金", {310, 190, 60, 20}},  // wrapped
  };
  AssignWords(words, &tables, nullptr);
  EXPECT_EQ("37800000.00", tables[0].At(1, 0)->text);
  EXPECT_EQ("其中：财政资金", tables[0].At(1, 1)->text);
}

TEST(AssignWordsTest, WordsOutsideTablesBecomeLinesInReadingOrder) {
  std::vector<Table> tables = {TwoByThree()};
  std::vector<Word> words = {
      {"第二行", {100, 60, 90, 20}},
      {"标题", {300, 20, 60, 24}},
      {"1/36", {650, 62, 40, 18}},  // far right on the second line
      {"表", {360, 21, 30, 24}},
      {"in", {120, 120, 20, 20}},   // inside the table
      {"After", {100, 300, 60, 20}}, {"table", {165, 300, 60, 20}},
  };
  std::vector<TextBlock> blocks;
  AssignWords(words, &tables, &blocks);
  ASSERT_EQ(4u, blocks.size());
  EXPECT_EQ("标题表", blocks[0].text);
  EXPECT_EQ((Rect{300, 20, 90, 25}), blocks[0].box);
  EXPECT_EQ("第二行", blocks[1].text);
  EXPECT_EQ("1/36", blocks[2].text);
  EXPECT_EQ("After table", blocks[3].text);
  EXPECT_EQ("in", tables[0].At(0, 0)->text);
}

TEST(AssignWordsTest, NoTablesSendsEverythingToBlocks) {
  std::vector<Word> words = {{"a", {0, 0, 10, 10}}, {"", {20, 0, 10, 10}}};
  std::vector<TextBlock> blocks;
  AssignWords(words, nullptr, &blocks);
  ASSERT_EQ(1u, blocks.size());
  EXPECT_EQ("a", blocks[0].text);
}

}  // namespace
}  // namespace decltab::layout
