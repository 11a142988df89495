#include "export/json_writer.h"

#include <gtest/gtest.h>

#include "tests/export/export_fixtures.h"

namespace decltab::exporter {
namespace {

using nlohmann::ordered_json;
using testing::SmallDeclaration;

std::vector<std::string> Keys(const ordered_json& j) {
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return keys;
}

using Names = std::vector<std::string>;

TEST(JsonWriterTest, FieldsComeInTheContractsOrderThenExtras) {
  ordered_json j = ToContractJson(SmallDeclaration());
  EXPECT_EQ((Names{"schema", "source", "document", "projects", "checks", "corrections"}),
            Keys(j));
  EXPECT_EQ("decltab/1", j["schema"]);
  EXPECT_EQ((Names{"file", "sha256", "pages", "kind", "dpi", "page_skew_degrees"}),
            Keys(j["source"]));
  EXPECT_EQ((Names{"title", "stated_project_count", "stated_total_yuan", "warnings",
                   "stated_total"}),
            Keys(j["document"]));
  const ordered_json& p = j["projects"][0];
  EXPECT_EQ((Names{"name", "pages", "category", "department", "implementer",
                   "start_date", "end_date", "funds", "overall_goal", "annual_goal",
                   "budget_lines", "indicators", "checks", "heading_name", "warnings",
                   "funds_read", "stated_budget_totals", "unread_budget_rows"}),
            Keys(p));
  EXPECT_EQ((Names{"total", "annual_request", "appropriation", "fiscal", "carryover",
                   "other"}),
            Keys(p["funds"]));
  EXPECT_EQ((Names{"group", "item", "quantity", "unit", "unit_price_yuan",
                   "amount_yuan", "raw", "page", "confidence", "cell",
                   "amount_from_formula", "amount_read"}),
            Keys(p["budget_lines"][0]));
  EXPECT_EQ((Names{"level1", "level2", "level3", "target", "target_parsed", "page",
                   "confidence", "cell", "source"}),
            Keys(p["indicators"][0]));
  EXPECT_EQ((Names{"yuan", "precision_yuan", "source"}), Keys(p["funds_read"]["total"]));
  EXPECT_EQ((Names{"page", "cell", "table", "row", "col", "box", "dpi", "raw", "confidence"}),
            Keys(p["indicators"][0]["source"]));
  EXPECT_EQ((Names{"rule", "status", "expected", "computed", "delta", "detail", "scope"}),
            Keys(p["checks"][0]));
}

TEST(JsonWriterTest, ValuesFollowTheContract) {
  ordered_json j = ToContractJson(SmallDeclaration());
  EXPECT_EQ("scanned", j["source"]["kind"]);
  EXPECT_EQ(6, j["source"]["pages"]);
  EXPECT_EQ(2, j["document"]["stated_project_count"]);
  EXPECT_DOUBLE_EQ(4500000.0, j["document"]["stated_total_yuan"].get<double>());
  const ordered_json& a = j["projects"][0];
  EXPECT_EQ((std::vector<int>{1, 2, 3}), a["pages"].get<std::vector<int>>());
  EXPECT_DOUBLE_EQ(0.0, a["funds"]["carryover"].get<double>());
  const ordered_json& line = a["budget_lines"][0];
  EXPECT_EQ(11, line["quantity"]);
  EXPECT_TRUE(line["quantity"].is_number_integer());
  EXPECT_DOUBLE_EQ(250000.0, line["unit_price_yuan"].get<double>());
  EXPECT_EQ("干部工作经费 11 25万元 275万元", line["raw"]);  // the row, not the amount
  EXPECT_EQ(2, line["page"]);
  EXPECT_DOUBLE_EQ(0.95, line["confidence"].get<double>());
  EXPECT_EQ("table 1 r3c4", line["cell"]);
  const ordered_json& bare = a["budget_lines"][1];
  EXPECT_TRUE(bare["group"].is_null());
  EXPECT_TRUE(bare["quantity"].is_null());
  EXPECT_TRUE(bare["unit_price_yuan"].is_null());
  EXPECT_EQ(R"({"op":">=","value":2,"unit":"家"})",
            a["indicators"][0]["target_parsed"].dump());
  EXPECT_TRUE(a["indicators"][1]["target_parsed"].is_null());
  EXPECT_EQ("budget_line", a["checks"][0]["scope"]);
  EXPECT_EQ("project", a["checks"][1]["scope"]);
  EXPECT_TRUE(a["checks"][2]["expected"].is_null());
  const ordered_json& b = j["projects"][1];
  EXPECT_TRUE(b["category"].is_null());
  EXPECT_TRUE(b["funds"]["annual_request"].is_null());
  // Count checks carry integers, not 元.
  const ordered_json& count = j["checks"][0];
  EXPECT_TRUE(count["expected"].is_number_integer());
  EXPECT_EQ("document", count["scope"]);
}

TEST(JsonWriterTest, AmountsPrintWithTwoDecimalsAndOtherNumbersShortest) {
  std::string text = ContractJsonText(SmallDeclaration());
  EXPECT_NE(std::string::npos, text.find("\"total\": 3780000.00,"));
  EXPECT_NE(std::string::npos, text.find("\"carryover\": 0.00,"));
  EXPECT_NE(std::string::npos, text.find("\"total\": 720000.50,"));
  EXPECT_NE(std::string::npos, text.find("\"delta\": -20000.50,"));
  EXPECT_NE(std::string::npos, text.find("\"stated_total_yuan\": 4500000.00"));
  EXPECT_NE(std::string::npos, text.find("\"unit_price_yuan\": 250000.00,"));
  EXPECT_NE(std::string::npos, text.find("\"confidence\": 0.95,"));
  EXPECT_NE(std::string::npos, text.find("\"pages\": [1, 2, 3],"));
  EXPECT_NE(std::string::npos, text.find("\"expected\": 2,"));  // a count
  EXPECT_NE(std::string::npos, text.find("\"quantity\": 11,"));
  EXPECT_NE(std::string::npos, text.find("\"name\": \"甲项目\""));  // not \u-escaped
  EXPECT_NE(std::string::npos, text.find(R"("annual_goal": "完成, \"全部\" 任务")"));
  EXPECT_EQ('\n', text.back());
  // The text is JSON and reads back to the same value.
  ordered_json parsed = ordered_json::parse(text);
  EXPECT_EQ(ToContractJson(SmallDeclaration()), parsed);
}

TEST(JsonWriterTest, LargeAmountsStayExactToTheFen) {
  Declaration d;
  Project p;
  p.name = "x";
  StatedAmount big;
  big.value = Fen(12345678901234'56);  // 1.2万亿 元 and 56 fen
  p.funds.total = big;
  d.projects = {p};
  std::string text = ContractJsonText(d);
  EXPECT_NE(std::string::npos, text.find("\"total\": 12345678901234.56,")) << text;
}

TEST(JsonWriterTest, InvalidUtf8IsReplacedNotThrown) {
  Declaration d;
  d.title = std::string("bad \xff byte");
  std::string text = ContractJsonText(d);
  EXPECT_NE(std::string::npos, text.find("bad \xEF\xBF\xBD byte"));
}

TEST(JsonWriterTest, EmptyDeclarationHasEmptyArraysAndNulls) {
  std::string text = ContractJsonText(Declaration{});
  EXPECT_NE(std::string::npos, text.find("\"projects\": [],"));
  EXPECT_NE(std::string::npos, text.find("\"checks\": [],"));
  EXPECT_NE(std::string::npos, text.find("\"corrections\": []\n}"));
  EXPECT_NE(std::string::npos, text.find("\"title\": null,"));
  EXPECT_NE(std::string::npos, text.find("\"stated_total_yuan\": null,"));
}

TEST(JsonWriterTest, WriteJsonWritesTheTextAndLeavesNoTemporary) {
  testing::ScratchDir dir;
  ASSERT_TRUE(WriteJson(SmallDeclaration(), dir / "out.json").ok());
  EXPECT_EQ(ContractJsonText(SmallDeclaration()), testing::ReadFile(dir / "out.json"));
  EXPECT_EQ((Names{"out.json"}), dir.List());
  Status missing = WriteJson(SmallDeclaration(), dir / "no/such/dir/out.json");
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(std::string::npos, missing.message().find("no/such/dir/out.json"));
}

}  // namespace
}  // namespace decltab::exporter
