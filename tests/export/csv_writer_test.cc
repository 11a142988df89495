#include "export/csv_writer.h"

#include <gtest/gtest.h>

#include "tests/export/export_fixtures.h"

namespace decltab::exporter {
namespace {

using testing::SmallDeclaration;

TEST(CsvWriterTest, QuotesFieldsPerRfc4180) {
  const struct { const char* in; const char* out; } kCases[] = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"援藏 干部", "援藏 干部"},
      {">=2家", ">=2家"},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.out, CsvField(c.in)) << c.in;
}

// OWASP CSV injection: what a spreadsheet would run starts with "'".
TEST(CsvWriterTest, NeutralizesFormulasButNotNumbers) {
  const struct { const char* in; const char* out; } kCases[] = {
      {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
      {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
      {"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
      {"@SUM(1+1)", "'@SUM(1+1)"},
      {"\t=1", "'\t=1"},
      {"\r=1", "\"'\r=1\""},
      {"-", "'-"},
      {"-5", "-5"},
      {"-0.5", "-0.5"},
      {"+3", "+3"},
      {"12.50", "12.50"},
      {"a=b", "a=b"},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.out, CsvField(c.in)) << c.in;
}

// Through the whole writer, with and without --excel.
TEST(CsvWriterTest, CellTextStartingAFormulaIsWrittenAsText) {
  Declaration d = SmallDeclaration();
  d.projects[0].name = "=HYPERLINK(\"http://x\",\"y\")";
  for (bool bom : {false, true}) {
    CsvOptions options;
    options.excel_bom = bom;
    const std::string projects = ToCsvFiles(d, options)[0].content;
    EXPECT_NE(std::string::npos, projects.find(",\"'=HYPERLINK(")) << projects;
    EXPECT_EQ(std::string::npos, projects.find(",=HYPERLINK(")) << projects;
    EXPECT_EQ(std::string::npos, projects.find(",\"=HYPERLINK(")) << projects;
  }
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0, end;
  while ((end = text.find("\r\n", start)) != std::string::npos) {
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  EXPECT_EQ(text.size(), start) << "text must end with CRLF";
  return lines;
}

TEST(CsvWriterTest, OneRowPerObjectLinkedToItsProject) {
  std::vector<CsvFile> files = ToCsvFiles(SmallDeclaration(), CsvOptions{});
  ASSERT_EQ(4u, files.size());
  EXPECT_EQ("projects.csv", files[0].name);
  EXPECT_EQ("budget_lines.csv", files[1].name);
  EXPECT_EQ("indicators.csv", files[2].name);
  EXPECT_EQ("checks.csv", files[3].name);

  std::vector<std::string> projects = Lines(files[0].content);
  ASSERT_EQ(3u, projects.size());
  EXPECT_EQ(
      "project_index,name,heading_name,pages,category,department,implementer,"
      "start_date,end_date,total_yuan,annual_request_yuan,appropriation_yuan,"
      "fiscal_yuan,carryover_yuan,other_yuan,budget_line_count,indicator_count,"
      "overall_goal,annual_goal,warnings",
      projects[0]);
  EXPECT_EQ(
      "1,甲项目,甲项目,1;2;3,经常性项目,区政府办公室,区政府办公室,2023-01-01,"
      "2023-12-31,3780000.00,3780000.00,3780000.00,3780000.00,0.00,0.00,2,2,"
      "完成年度任务,\"完成, \"\"全部\"\" 任务\",",
      projects[1]);
  EXPECT_EQ("2,乙项目,,4;5;6,,,,,,720000.50,,,,,,1,0,,,", projects[2]);

  std::vector<std::string> lines = Lines(files[1].content);
  ASSERT_EQ(4u, lines.size());
  EXPECT_EQ(
      "project_index,project_name,line_index,group,item,quantity,unit,"
      "unit_price_yuan,amount_yuan,amount_from_formula,raw,page,cell,confidence",
      lines[0]);
  EXPECT_EQ("1,甲项目,1,工作组成,干部工作经费,11,人,250000.00,2750000.00,0,干部工作经费 11 25万元 275万元,2,"
            "table 1 r3c4,0.95",
            lines[1]);
  EXPECT_EQ("1,甲项目,2,,培训费,,,,1030000.00,0,培训费103万元,2,text,1", lines[2]);
  EXPECT_EQ("2,乙项目,1,,印刷费,,,,700000.00,0,印刷费 70万元,4,table 2 r2c2,0.97", lines[3]);

  std::vector<std::string> indicators = Lines(files[2].content);
  ASSERT_EQ(3u, indicators.size());
  EXPECT_EQ("1,甲项目,1,产出指标,数量指标,结对单位数,>=2家,>=,2,家,3,table 1 r12c4,0.93",
            indicators[1]);
  EXPECT_EQ("1,甲项目,2,效益指标,社会效益指标,工作开展,及时,,,,3,table 1 r13c4,0.9",
            indicators[2]);

  std::vector<std::string> checks = Lines(files[3].content);
  ASSERT_EQ(6u, checks.size());
  EXPECT_EQ("scope,project_index,project_name,rule,status,expected,computed,delta,"
            "is_count,detail",
            checks[0]);
  EXPECT_EQ("budget_line,1,甲项目,line_quantity_times_price,ok,2750000.00,2750000.00,"
            "0.00,0,line 1 ok",
            checks[1]);
  EXPECT_EQ("project,1,甲项目,funds_sources_sum,unverifiable,,,,0,funds.other not read",
            checks[3]);
  EXPECT_EQ("project,2,乙项目,budget_lines_sum_equals_total,mismatch,720000.50,"
            "700000.00,-20000.50,0,sum off",
            checks[4]);
  EXPECT_EQ("document,,,project_count_equals_stated,ok,2,2,0,1,2 projects read vs 2 "
            "stated",
            checks[5]);
}

TEST(CsvWriterTest, ExcelOptionPrependsAUtf8Bom) {
  CsvOptions excel;
  excel.excel_bom = true;
  for (const CsvFile& f : ToCsvFiles(SmallDeclaration(), excel))
    EXPECT_EQ(0u, f.content.rfind("\xEF\xBB\xBF", 0)) << f.name;
  for (const CsvFile& f : ToCsvFiles(SmallDeclaration(), CsvOptions{}))
    EXPECT_NE(0u, f.content.rfind("\xEF\xBB\xBF", 0)) << f.name;
}

TEST(CsvWriterTest, WriteCsvsReplacesTheDirectoryWhole) {
  testing::ScratchDir dir;
  std::string out = dir / "sample";
  ASSERT_TRUE(WriteCsvs(SmallDeclaration(), out, CsvOptions{}).ok());
  std::vector<CsvFile> files = ToCsvFiles(SmallDeclaration(), CsvOptions{});
  for (const CsvFile& f : files)
    EXPECT_EQ(f.content, testing::ReadFile(out + "/" + f.name)) << f.name;

  // A second write replaces the old files.
  Declaration other = SmallDeclaration();
  other.projects.pop_back();
  ASSERT_TRUE(WriteCsvs(other, out, CsvOptions{}).ok());
  EXPECT_EQ(ToCsvFiles(other, CsvOptions{})[0].content,
            testing::ReadFile(out + "/projects.csv"));
  EXPECT_EQ((std::vector<std::string>{"sample"}), dir.List());

  // A file someone else put in the folder is not decltab's to delete: the
  // folder is left as it is.
  { std::ofstream stray(out + "/stray.txt"); stray << "mine"; }
  EXPECT_FALSE(WriteCsvs(SmallDeclaration(), out, CsvOptions{}).ok());
  EXPECT_EQ("mine", testing::ReadFile(out + "/stray.txt"));
  EXPECT_EQ(ToCsvFiles(other, CsvOptions{})[0].content,
            testing::ReadFile(out + "/projects.csv"));
  EXPECT_EQ((std::vector<std::string>{"sample"}), dir.List());
}

}  // namespace
}  // namespace decltab::exporter
