#include "normalize/paragraphs.h"

#include <gtest/gtest.h>

namespace decltab::normalize {
namespace {

TextBlock Line(int x, int y, int width, const char* text, float conf = 1.0f) {
  return TextBlock{Rect{x, y, width, 60}, text, conf};
}

PageLayout PageWith(std::vector<TextBlock> blocks) {
  PageLayout page;
  page.width = 2480;
  page.height = 3508;
  page.blocks = std::move(blocks);
  return page;
}

TEST(JoinParagraphsTest, JoinsAWrappedSentenceButNotTheHeadingAfterIt) {
  // Indented first line running to the right margin, a flush-left last
  // line, then a heading: one paragraph and the heading.
  PageLayout page = PageWith({
      Line(370, 700, 1820, "网站英文版(运维)1.5万元,门户", 0.9f),
      Line(276, 780, 1200, "网站升级优化改造(运维)12.36万元。", 0.8f),
      Line(276, 900, 370, "七、绩效目标"),
  });
  std::vector<TextBlock> out = JoinParagraphs(page);
  ASSERT_EQ(2u, out.size());
  EXPECT_EQ("网站英文版(运维)1.5万元,门户网站升级优化改造(运维)12.36万元。", out[0].text);
  EXPECT_FLOAT_EQ(0.8f, out[0].confidence);
  EXPECT_EQ((Rect{276, 700, 1914, 140}), out[0].box);
  EXPECT_EQ("七、绩效目标", out[1].text);
}

TEST(JoinParagraphsTest, ShortOrIndentedLinesStartNewParagraphs) {
  PageLayout page = PageWith({
      Line(276, 700, 1914, "第一段第一行写满到右边距"),
      Line(276, 780, 600, "第一段末行。"),  // short: the paragraph ends
      Line(276, 860, 1914, "第二段写满到右边距"),
      Line(370, 940, 1000, "缩进的新段落"),  // indented: a new paragraph
  });
  std::vector<TextBlock> out = JoinParagraphs(page);
  ASSERT_EQ(3u, out.size());
  EXPECT_EQ("第一段第一行写满到右边距第一段末行。", out[0].text);
  EXPECT_EQ("第二段写满到右边距", out[1].text);
  EXPECT_EQ("缩进的新段落", out[2].text);
}

TEST(JoinParagraphsTest, AFleckInTheMarginMovesNoMargin) {
  // A scanned page: flecks out at the right edge read as glyphs, one of
  // them on the page number's line.
  PageLayout page = PageWith({
      Line(370, 700, 1818, "租用费约为45万元/年,网站英文版(运"),
      Line(276, 780, 1912, "维)1.5万元,区政务网互联网出口带宽备线扩容"),
      Line(276, 860, 1200, "租费42万元。"),
      TextBlock{Rect{2440, 1100, 8, 38}, "上", 0.2f},
      TextBlock{Rect{1184, 3358, 96, 38}, "32/33", 0.9f},
      TextBlock{Rect{2460, 3358, 8, 38}, "区", 0.2f},
  });
  std::vector<TextBlock> out = JoinParagraphs(page);
  ASSERT_EQ(3u, out.size());
  EXPECT_EQ("租用费约为45万元/年,网站英文版(运维)1.5万元,区政务网互联网出口带宽备线扩容"
            "租费42万元。",
            out[0].text);
  EXPECT_EQ("上", out[1].text);
  EXPECT_EQ("32/33区", out[2].text);
}

TEST(JoinParagraphsTest, PiecesOfOneLineJoinLeftToRight) {
  PageLayout page = PageWith({
      Line(1700, 700, 480, "共建结对项"),
      Line(370, 702, 1300, "援助工作由四个项目、"),
  });
  std::vector<TextBlock> out = JoinParagraphs(page);
  ASSERT_EQ(1u, out.size());
  EXPECT_EQ("援助工作由四个项目、共建结对项", out[0].text);
}

TEST(JoinParagraphsTest, ATableBetweenLinesKeepsThemApart) {
  PageLayout page = PageWith({
      Line(276, 700, 1914, "表格上方写满到右边距的一行"),
      Line(276, 780, 1914, "表格下方的一行"),
  });
  Table table;
  table.box = Rect{276, 762, 1914, 10};
  page.tables.push_back(table);
  EXPECT_EQ(2u, JoinParagraphs(page).size());
}

}  // namespace
}  // namespace decltab::normalize
