#include "export/json_reader.h"

#include <gtest/gtest.h>

#include "export/json_writer.h"
#include "reconcile/reconcile.h"
#include "tests/export/export_fixtures.h"

namespace decltab::exporter {
namespace {

using nlohmann::ordered_json;
using testing::SmallDeclaration;

Declaration WithPlacesAndCorrection() {
  Declaration d = SmallDeclaration();
  d.dpi = 300;
  d.page_skew_degrees = {0.0, 0.45, 0.0, 0.0, 0.0, 0.0};
  Source& total = d.projects[0].funds.total->source;
  total.table = 1;
  total.row = 4;
  total.col = 3;
  total.box = Rect{120, 840, 610, 72};
  total.dpi = 300;
  d.projects[0].funds.total->precision = Fen(100);
  d.projects[1].stated_budget_totals = {testing::Amount(720000'00, 5, "table 2 r3c2", "72万元")};
  d.projects[1].unread_budget_rows = {"table 2 r4: 杂费 ??"};
  d.corrections = {Correction{2, "乙项目", "funds.total", "720000.50", "720000.00", "王审",
                              "2026-12-08T04:00:00Z", "ink reads 72万元"}};
  return d;
}

TEST(JsonReaderTest, ReadsBackWhatTheWriterWroteByteForByte) {
  Declaration d = WithPlacesAndCorrection();
  std::string text = ContractJsonText(d);
  Result<Declaration> read = FromContractJson(ordered_json::parse(text));
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(text, ContractJsonText(*read));
}

TEST(JsonReaderTest, KeepsWhatTheRulesNeed) {
  Result<Declaration> read =
      FromContractJson(ordered_json::parse(ContractJsonText(WithPlacesAndCorrection())));
  ASSERT_TRUE(read.ok()) << read.status().message();
  const Project& a = read->projects[0];
  EXPECT_EQ(Fen(100), a.funds.total->precision);
  EXPECT_EQ(120, a.funds.total->source.box.x);
  EXPECT_EQ(72, a.funds.total->source.box.height);
  EXPECT_EQ(4, a.funds.total->source.row);
  EXPECT_EQ(300, read->dpi);
  EXPECT_DOUBLE_EQ(0.45, read->page_skew_degrees[1]);
  EXPECT_EQ("275万元", a.budget_lines[0].amount.source.raw);
  EXPECT_FLOAT_EQ(0.95f, a.budget_lines[0].amount.source.confidence);
  EXPECT_EQ(*Decimal::Parse("11"), *a.budget_lines[0].quantity);
  ASSERT_EQ(1u, read->projects[1].stated_budget_totals.size());
  EXPECT_EQ(1u, read->projects[1].unread_budget_rows.size());
  EXPECT_TRUE(read->checks[0].is_count);
  ASSERT_EQ(1u, read->corrections.size());
  EXPECT_EQ("ink reads 72万元", read->corrections[0].note);
}

// The rules run on a declaration read back from JSON find what they found
// on the one extracted.
TEST(JsonReaderTest, ReconcilingTheReadDeclarationGivesTheSameChecks) {
  Declaration d = WithPlacesAndCorrection();
  for (Project& p : d.projects) p.checks.clear();
  d.checks.clear();
  reconcile::Reconcile(&d, reconcile::ReconcileOptions{});
  Result<Declaration> read = FromContractJson(ordered_json::parse(ContractJsonText(d)));
  ASSERT_TRUE(read.ok()) << read.status().message();
  for (Project& p : read->projects) p.checks.clear();
  read->checks.clear();
  reconcile::Reconcile(&*read, reconcile::ReconcileOptions{});
  EXPECT_EQ(ContractJsonText(d), ContractJsonText(*read));
}

TEST(JsonReaderTest, OlderOutputWithoutSourcesStillReads) {
  ordered_json j = ToContractJson(SmallDeclaration());
  j["projects"][0].erase("funds_read");
  j["projects"][0]["budget_lines"][0].erase("amount_read");
  j["document"].erase("stated_total");
  Result<Declaration> read = FromContractJson(j);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(Fen(3780000'00), read->projects[0].funds.total->value);
  EXPECT_EQ(Fen(2750000'00), read->projects[0].budget_lines[0].amount.value);
  EXPECT_EQ("table 1 r3c4", read->projects[0].budget_lines[0].amount.source.where);
  EXPECT_EQ(Fen(4500000'00), read->stated_total->value);
}

TEST(JsonReaderTest, RejectsOtherDocumentsNamingTheField) {
  EXPECT_FALSE(FromContractJson(ordered_json{{"schema", "other"}}).ok());
  ordered_json j = ToContractJson(SmallDeclaration());
  j["projects"][1]["name"] = 5;
  Result<Declaration> read = FromContractJson(j);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(std::string::npos, read.status().message().find("projects[1].name"))
      << read.status().message();
}

}  // namespace
}  // namespace decltab::exporter
