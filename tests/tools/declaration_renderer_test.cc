#include "tools/render/declaration_renderer.h"

#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "tools/render/declaration_spec.h"
#include "tools/render/truth_io.h"

namespace decltab::render {
namespace {

// Next to this file, so the test runs from any working directory.
std::string MiniTruthPath() {
  std::string here = __FILE__;
  return here.substr(0, here.find_last_of('/') + 1) +
         "testdata/mini-declaration.json";
}

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "decltab_render_" + name;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// All page texts of a PDF, whitespace removed (pdf text extraction puts
// spaces and line breaks where the layout has gaps).
std::string PdfText(const poppler::document& doc) {
  std::string all;
  for (int i = 0; i < doc.pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc.create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 = page->text().to_utf8();
    for (char c : utf8)
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') all.push_back(c);
  }
  return all;
}

class MiniDeclarationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<nlohmann::ordered_json> truth = ReadTruthFile(MiniTruthPath());
    ASSERT_TRUE(truth.ok()) << truth.status().message();
    truth_ = *truth;
    Result<DeclarationSpec> spec = ParseDeclarationSpec(truth_);
    ASSERT_TRUE(spec.ok()) << spec.status().message();
    spec_ = *spec;
  }

  nlohmann::ordered_json truth_;
  DeclarationSpec spec_;
};

TEST_F(MiniDeclarationTest, RendersAMultiPagePdfWithATextLayer) {
  const std::string pdf = TempPath("mini.pdf");
  Result<RenderReport> report =
      RenderDeclarationPdf(spec_, RenderOptions{1}, pdf);
  ASSERT_TRUE(report.ok()) << report.status().message();

  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_file(pdf));
  ASSERT_NE(nullptr, doc);
  EXPECT_GT(doc->pages(), 1);
  EXPECT_EQ(report->page_count, doc->pages());
  const std::string text = PdfText(*doc);
  for (const char* expected :
       {"项目经费情况说明--社区文化服务", "项目经费情况说明--文化遗产保护宣传",
        "财政项目支出绩效目标填报表", "社区文化活动场次", ">=20000人次",
        "活动垃圾分类规范率", "参与居民满意度", "宣传册编印数量",
        "年度资金申请总额", "1230000.00", "演出场地保障"})
    EXPECT_NE(std::string::npos, text.find(expected)) << expected;
  EXPECT_NE(std::string::npos, text.find("1/" + std::to_string(doc->pages())));
  std::remove(pdf.c_str());
}

TEST_F(MiniDeclarationTest, FilledTruthHasPagesForEveryLineAndIndicator) {
  const std::string pdf = TempPath("mini-pages.pdf");
  Result<RenderReport> report =
      RenderDeclarationPdf(spec_, RenderOptions{5}, pdf);
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::remove(pdf.c_str());

  nlohmann::ordered_json filled = FillTruthPages(truth_, *report);
  EXPECT_EQ(report->page_count, filled["source"]["pages"].get<int>());
  ASSERT_EQ(2u, filled["projects"].size());
  int previous_last = 0;
  for (const auto& project : filled["projects"]) {
    const auto& pages = project["pages"];
    ASSERT_FALSE(pages.empty()) << project["name"];
    const int first = pages.front().get<int>(), last = pages.back().get<int>();
    EXPECT_GE(first, previous_last) << project["name"];
    EXPECT_LE(last, report->page_count);
    previous_last = last;
    ASSERT_FALSE(project["indicators"].empty());
    for (const auto& ind : project["indicators"]) {
      ASSERT_TRUE(ind["page"].is_number_integer()) << ind["level3"];
      EXPECT_GE(ind["page"].get<int>(), first) << ind["level3"];
      EXPECT_LE(ind["page"].get<int>(), last) << ind["level3"];
    }
    for (const auto& line : project["budget_lines"]) {
      ASSERT_TRUE(line["page"].is_number_integer()) << line["item"];
      EXPECT_GE(line["page"].get<int>(), first) << line["item"];
    }
  }
  // Everything but the page fields is unchanged, in the same order.
  nlohmann::ordered_json stripped = filled;
  stripped["source"]["pages"] = truth_["source"]["pages"];
  for (size_t i = 0; i < stripped["projects"].size(); ++i) {
    auto& p = stripped["projects"][i];
    p["pages"] = truth_["projects"][i]["pages"];
    for (auto& line : p["budget_lines"]) line["page"] = nullptr;
    for (auto& ind : p["indicators"]) ind["page"] = nullptr;
  }
  EXPECT_EQ(truth_.dump(), stripped.dump());
}

TEST_F(MiniDeclarationTest, SameSeedGivesSameBytesOtherSeedDiffers) {
  const std::string a = TempPath("seed-a.pdf"), b = TempPath("seed-b.pdf"),
                    c = TempPath("seed-c.pdf");
  ASSERT_TRUE(RenderDeclarationPdf(spec_, RenderOptions{9}, a).ok());
  ASSERT_TRUE(RenderDeclarationPdf(spec_, RenderOptions{9}, b).ok());
  ASSERT_TRUE(RenderDeclarationPdf(spec_, RenderOptions{10}, c).ok());
  EXPECT_EQ(ReadBytes(a), ReadBytes(b));
  EXPECT_NE(ReadBytes(a), ReadBytes(c));
  for (const std::string& path : {a, b, c}) std::remove(path.c_str());
}

TEST_F(MiniDeclarationTest, VariantTemplatePrintsItsLabels) {
  spec_.template_name = "variant-b";
  const std::string pdf = TempPath("variant.pdf");
  ASSERT_TRUE(RenderDeclarationPdf(spec_, RenderOptions{2}, pdf).ok());
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_file(pdf));
  ASSERT_NE(nullptr, doc);
  const std::string text = PdfText(*doc);
  for (const char* label :
       {"指标内容", "指标值", "备注", "上年结余", "资金总额"})
    EXPECT_NE(std::string::npos, text.find(label)) << label;
  EXPECT_EQ(std::string::npos, text.find("三级指标"));
  std::remove(pdf.c_str());
}

TEST_F(MiniDeclarationTest, UnknownTemplateIsInvalidInputAndWritesNothing) {
  spec_.template_name = "nowhere";
  const std::string pdf = TempPath("unknown.pdf");
  Result<RenderReport> report =
      RenderDeclarationPdf(spec_, RenderOptions{}, pdf);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(Status::Code::kInvalidInput, report.status().code());
  EXPECT_FALSE(std::ifstream(pdf).good());
  EXPECT_FALSE(std::ifstream(pdf + ".tmp").good());
}

TEST(ParseDeclarationSpecTest, NamesTheBadField) {
  auto truth = nlohmann::ordered_json::parse(
      R"({"projects": [{"budget_blocks": [{"type": "chart"}]}]})");
  Result<DeclarationSpec> spec = ParseDeclarationSpec(truth);
  ASSERT_FALSE(spec.ok());
  EXPECT_EQ(
      "projects[0].budget_blocks[0].type: expected \"prose\" or \"table\", got "
      "\"chart\"",
      spec.status().message());
  auto merge = nlohmann::ordered_json::parse(
      R"({"projects": [{"budget_blocks": [{"type": "table", "rows": [["a", "b"]],
           "merges": [{"row": 0, "col": 1, "rowspan": 2, "colspan": 1}]}]}]})");
  EXPECT_EQ("projects[0].budget_blocks[0].merges[0]: leaves the table",
            ParseDeclarationSpec(merge).status().message());
}

TEST(AssignBudgetLinePagesTest, MatchesTableRowsInOrderAndProseByText) {
  const struct {
    const char* name;
    std::vector<std::string> raws;
    std::vector<BudgetSlot> slots;
    std::vector<int> pages;
  } kCases[] = {
      {"table rows in order",
       {"a 1", "b 2"},
       {{false, "", 3}, {false, "", 4}},
       {3, 4}},
      {"prose holding its lines",
       {"甲为5万元", "乙为6万元"},
       {{true, "甲为5万元,乙为6万元。", 2}},
       {2, 2}},
      {"caption prose holds no line, table rows do",
       {"甲 800 47", "乙 800 15"},
       {{true, "甲费用测算方式", 1}, {false, "", 1}, {false, "", 2}},
       {1, 2}},
      {"last prose takes lines no table row is left for",
       {"甲 5万", "乙 6万", "丙 1"},
       {{true, "甲五万元,乙六万元", 5}, {false, "", 6}},
       {5, 5, 6}},
      {"more lines than slots leaves zeros",
       {"a", "b"},
       {{false, "", 1}},
       {1, 0}},
  };
  for (const auto& c : kCases)
    EXPECT_EQ(c.pages, AssignBudgetLinePages(c.raws, c.slots)) << c.name;
}

}  // namespace
}  // namespace decltab::render
