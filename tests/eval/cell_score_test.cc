#include "tests/eval/cell_score.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace decltab::eval {
namespace {

PageCell At(int page, double x, double y, double w, double h,
            const std::string& text) {
  return {page, {x, y, w, h}, text};
}

TEST(FoldCellTextTest, NfkcThenNoWhitespace) {
  EXPECT_EQ("...", FoldCellText("…"));
  EXPECT_EQ("(元)", FoldCellText("（元）"));
  EXPECT_EQ(">=2家", FoldCellText("≥ 2\u3000家"));
  EXPECT_EQ("其中:当年财政拨款", FoldCellText("其中: 当年财政拨款"));
}

TEST(MatchCellTest, TakesTheReadCellAtTheSamePlaceOnTheSamePage) {
  const PageCell truth = At(2, 0.1, 0.1, 0.2, 0.05, "项目名称");
  const std::vector<PageCell> read = {
      At(1, 0.1, 0.1, 0.2, 0.05, "page 1"),     // other page
      At(2, 0.3, 0.1, 0.2, 0.05, "next cell"),  // right neighbour
      At(2, 0.102, 0.098, 0.197, 0.05, "here"),
  };
  EXPECT_EQ(2, MatchCell(truth, read));
  EXPECT_EQ(-1, MatchCell(At(3, 0.1, 0.1, 0.2, 0.05, ""), read));
}

TEST(MatchCellTest, SplitOrMergedReadCellsStillMatch) {
  const PageCell truth = At(1, 0.1, 0.1, 0.2, 0.2, "a");
  // decltab split the cell in two: the larger part answers.
  EXPECT_EQ(1, MatchCell(truth, {At(1, 0.1, 0.1, 0.2, 0.05, "top"),
                                 At(1, 0.1, 0.15, 0.2, 0.15, "rest")}));
  // decltab merged it with its neighbour: the truth centre lies inside.
  EXPECT_EQ(0, MatchCell(truth, {At(1, 0.1, 0.1, 0.4, 0.2, "both")}));
}

TEST(ScoreCellsTest, CountsCellsDecltabMergedWithANeighbour) {
  const std::vector<PageCell> truth = {At(1, 0.0, 0.0, 0.2, 0.1, "绩效指标"),
                                       At(1, 0.2, 0.0, 0.2, 0.1, "效益指标"),
                                       At(1, 0.0, 0.1, 0.4, 0.1, "合计")};
  const std::vector<PageCell> read = {At(1, 0.0, 0.0, 0.4, 0.1, "绩效指标效益指标"),
                                      At(1, 0.0, 0.1, 0.4, 0.1, "合计")};
  const CellScore s = ScoreCells(truth, read);
  EXPECT_EQ(2, s.merged);
  EXPECT_EQ(1, s.exact);
  EXPECT_EQ(8, s.edits);  // each truth cell reads 4 characters too many
}

TEST(ScoreCellsTest, CountsExactCellsEditsMissesAndEmptyCells) {
  const std::vector<PageCell> truth = {
      At(1, 0.0, 0.0, 0.5, 0.1, "项目名称"),       // exact after folding
      At(1, 0.5, 0.0, 0.5, 0.1, "2万元"),          // one insertion
      At(1, 0.0, 0.1, 0.5, 0.1, ">=2家"),          // exact: ≥ folds to >=
      At(1, 0.5, 0.1, 0.5, 0.1, "绩效指标"),       // nothing read there
      At(1, 0.0, 0.2, 0.5, 0.1, ""),               // blank, read blank
      At(1, 0.5, 0.2, 0.5, 0.1, ""),               // blank, read as text
      At(1, 0.0, 0.3, 0.5, 0.1, "合计"),           // read as blank
  };
  const std::vector<PageCell> read = {
      At(1, 0.0, 0.0, 0.5, 0.1, "项目 名称"),
      At(1, 0.5, 0.0, 0.5, 0.1, "2]万元"),
      At(1, 0.0, 0.1, 0.5, 0.1, "≥ 2 家"),
      At(1, 0.0, 0.2, 0.5, 0.1, " "),
      At(1, 0.5, 0.2, 0.5, 0.1, "一"),
      At(1, 0.0, 0.3, 0.5, 0.1, ""),
  };
  const CellScore s = ScoreCells(truth, read);
  EXPECT_EQ(5, s.cells);
  EXPECT_EQ(2, s.exact);
  EXPECT_EQ(1, s.missing);
  EXPECT_EQ(4 + 3 + 4 + 4 + 2, s.truth_chars);
  EXPECT_EQ(1 + 4 + 2, s.edits);
  EXPECT_EQ(2, s.empty_cells);
  EXPECT_EQ(1, s.empty_ok);
  EXPECT_DOUBLE_EQ(0.4, s.exact_rate());
  EXPECT_DOUBLE_EQ(7.0 / 17, s.cer());
  EXPECT_EQ(1, s.errors.at("∅ → ]"));
  EXPECT_EQ(1, s.errors.at(kNoCell));
  EXPECT_EQ(1, s.errors.at(kReadEmpty));
  EXPECT_EQ("cells t: exact 0.400 (2/5), CER 0.412 (7/17 chars), missing 1, "
            "merged 0, empty-ok 1/2",
            FormatCellScoreLine("t", s));
}

TEST(TopErrorsTest, MostFrequentFirstTiesByText) {
  CellScore s;
  s.errors = {{"a → b", 2}, {"c → d", 5}, {"e → f", 2}, {"g → h", 1}};
  EXPECT_EQ((std::vector<std::pair<std::string, int>>{
                {"c → d", 5}, {"a → b", 2}, {"e → f", 2}}),
            TopErrors(s, 3));
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

TEST(ReadCellsTest, TruthInPointsAndLayoutInPixelsBecomePageFractions) {
  const std::string truth = WriteTemp(
      "cells_truth.json",
      R"({"schema":"decltab-cells/1","unit":"pt","page_width":600,)"
      R"("page_height":800,"pages":1,"cells":[)"
      R"({"page":1,"box":[60,80,300,40],"text":"项目名称"}]})");
  Result<std::vector<PageCell>> t = ReadTruthCells(truth);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(1u, t->size());
  EXPECT_DOUBLE_EQ(0.1, (*t)[0].box.x);
  EXPECT_DOUBLE_EQ(0.05, (*t)[0].box.height);

  const std::string dir = ::testing::TempDir() + "cells_layout";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  WriteTemp("cells_layout/page-1.json",
            R"({"page":1,"dpi":300,"width":2500,"height":3500,"tables":[)"
            R"({"cells":[{"row":0,"col":0,"box":[250,350,1250,175],)"
            R"("text":"项目名称","confidence":0.9}]}],"blocks":[]})");
  WriteTemp("cells_layout/notes.txt", "not a page");
  Result<std::vector<PageCell>> r = ReadLayoutCells(dir);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(1u, r->size());
  EXPECT_DOUBLE_EQ(0.1, (*r)[0].box.x);
  EXPECT_DOUBLE_EQ(0.5, (*r)[0].box.width);
  EXPECT_EQ(1, ScoreCells(*t, *r).exact);

  EXPECT_FALSE(ReadTruthCells(WriteTemp("cells_bad.json", "{}")).ok());
  EXPECT_FALSE(ReadLayoutCells(dir + "/none").ok());
}

}  // namespace
}  // namespace decltab::eval
