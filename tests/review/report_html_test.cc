#include "review/report_html.h"

#include <gtest/gtest.h>

#include <regex>

#include "review/html.h"
#include "tests/review/review_fixtures.h"

namespace decltab::review {
namespace {

using testing::FakeImages;
using testing::ReviewDeclaration;

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

// The HTML of the check block for `rule` in `project`, or "".
std::string CheckBlock(const std::string& html, const std::string& rule,
                       const std::string& project) {
  std::string open = "data-rule=\"" + rule + "\" data-project=\"" + project + "\"";
  size_t at = html.find(open);
  if (at == std::string::npos) return "";
  size_t end = html.find("\n</div>\n", at);
  return html.substr(at, end - at);
}

TEST(EscapeTest, EscapesMarkupAndQuotes) {
  EXPECT_EQ("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Escape("<a href=\"x\">&'"));
  EXPECT_EQ("合作与交流", Escape("合作与交流"));
}

TEST(ReportHtmlTest, SummaryCountsTheChecksThatAreNotOk) {
  Declaration d = ReviewDeclaration();
  std::string html = RenderReportHtml(d, FakeImages(), ReportOptions{});
  int not_ok = 0;
  for (const auto* checks : {&d.checks, &d.projects[0].checks, &d.projects[1].checks,
                             &d.projects[2].checks})
    for (const Check& c : *checks) not_ok += c.status != CheckStatus::kOk;
  ASSERT_EQ(2, not_ok);  // project 2's sum, project 3's unsure sum
  EXPECT_NE(std::string::npos,
            html.find("<strong id=\"not-ok-count\" data-count=\"2\">2 checks not ok</strong>"));
  EXPECT_NE(std::string::npos, html.find("Checks that are not ok (2)"));
  EXPECT_NE(std::string::npos, html.find("stated 3; extracted 3"));
}

TEST(ReportHtmlTest, AMismatchShowsItsWordsAndTheCropsItRestsOn) {
  std::string html = RenderReportHtml(ReviewDeclaration(), FakeImages(), ReportOptions{});
  std::string block = CheckBlock(html, "budget_lines_sum_equals_total",
                                 "合作&lt;b&gt;交流&lt;/b&gt;");
  ASSERT_FALSE(block.empty());
  EXPECT_NE(std::string::npos,
            block.find("8 lines sum to 1,800,000.00 元; the form states 1,500,000.00 元; "
                       "300,000.00 元 apart"));
  // funds.total and the eight lines: nine crops, each linking to its page.
  EXPECT_EQ(9u, Count(block, "<img class=\"crop\""));
  EXPECT_EQ(9u, Count(block, "<a href=\"#view-"));
  EXPECT_NE(std::string::npos, block.find("data:image/png;base64,CROP2"));
}

TEST(ReportHtmlTest, ThePageViewOutlinesTheCell) {
  std::string html = RenderReportHtml(ReviewDeclaration(), FakeImages(), ReportOptions{});
  // funds.total of project 2 at (800, 300) 400×70 on a 2480×3508 page.
  EXPECT_NE(std::string::npos, html.find("left:32.258%;top:8.552%;width:16.129%;height:1.995%"))
      << html.substr(html.find("class=\"pageview\""), 600);
  EXPECT_NE(std::string::npos, html.find(".pg-2{background-image:url(\"data:image/png;base64,PAGE2\")}"));
}

TEST(ReportHtmlTest, TheQueueHoldsTheUnsureValueWithACorrectionInput) {
  std::string html = RenderReportHtml(ReviewDeclaration(), FakeImages(), ReportOptions{});
  size_t queue = html.find("<section id=\"queue\">");
  ASSERT_NE(std::string::npos, queue);
  std::string section = html.substr(queue, html.find("</section>", queue) - queue);
  EXPECT_NE(std::string::npos, section.find("1 values read below confidence 0.80"));
  EXPECT_NE(std::string::npos, section.find("line 2 丙费二"));
  EXPECT_NE(std::string::npos, section.find("<span class=\"conf c-low\" title=\"OCR confidence\">0.33</span>"));
  EXPECT_NE(std::string::npos,
            section.find("data-project=\"3\" data-project-name=\"丙项目\" "
                         "data-field=\"budget_lines[2].amount\" data-read=\"200000.00\""));
}

TEST(ReportHtmlTest, EveryTextIsEscaped) {
  std::string html = RenderReportHtml(ReviewDeclaration(), FakeImages(), ReportOptions{});
  EXPECT_EQ(std::string::npos, html.find("<b>交流</b>"));
  EXPECT_EQ(std::string::npos, html.find("<绩效>"));
  EXPECT_NE(std::string::npos, html.find("<title>decltab review: 某区财政支出项目&lt;绩效&gt;目标申报表</title>"));
}

TEST(ReportHtmlTest, SelfContainedAndPrintable) {
  std::string html = RenderReportHtml(ReviewDeclaration(), FakeImages(), ReportOptions{});
  EXPECT_EQ(0u, html.rfind("<!DOCTYPE html>", 0));
  EXPECT_NE(std::string::npos, html.find("<meta charset=\"utf-8\">"));
  EXPECT_NE(std::string::npos, html.find("Noto Sans CJK SC"));
  EXPECT_NE(std::string::npos, html.find("@media print"));
  // Nothing is fetched: no external URL in src or href.
  EXPECT_FALSE(std::regex_search(html, std::regex("(src|href)=\"(https?:)?//")));
}

TEST(ReportHtmlTest, NoImagesStillGivesAReport) {
  class NoImages : public FigureImages {
    std::string CropUri(const Source&) const override { return ""; }
    std::string PageUri(int) const override { return ""; }
    PageFrame Frame(int) const override { return {}; }
  };
  std::string html = RenderReportHtml(ReviewDeclaration(), NoImages(), ReportOptions{});
  EXPECT_EQ(0u, Count(html, "<img"));
  EXPECT_EQ(0u, Count(html, "class=\"pageview\""));
  EXPECT_NE(std::string::npos, html.find("300,000.00 元 apart"));
}

}  // namespace
}  // namespace decltab::review
