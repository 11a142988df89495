#include "review/corrections.h"

#include <gtest/gtest.h>

#include "export/json_reader.h"
#include "export/json_writer.h"
#include "tests/review/review_fixtures.h"

namespace decltab::review {
namespace {

using testing::ReviewDeclaration;

const Check* SumCheck(const Project& p) {
  for (const Check& c : p.checks)
    if (c.rule == "budget_lines_sum_equals_total") return &c;
  return nullptr;
}

CorrectionsFile OneCorrection(int project, const std::string& name, const std::string& field,
                              const std::string& value) {
  CorrectionsFile file;
  file.sha256 = "0123456789abcdef";
  file.corrections = {Correction{project, name, field, "", value, "李审", "2026-12-08",
                                 "看原件"}};
  return file;
}

// The extraction's JSON read back, as `decltab correct` starts.
Declaration FromJson(const Declaration& d) {
  Result<Declaration> read =
      exporter::FromContractJson(nlohmann::ordered_json::parse(exporter::ContractJsonText(d)));
  EXPECT_TRUE(read.ok()) << read.status().message();
  return read.ok() ? *read : Declaration{};
}

// Project 3's second line was read at 0.33: its sum is unverifiable though
// it agrees. A reviewer reads the ink as 25万元: 100,000 + 250,000 is
// 50,000 元 over the stated 300,000, a mismatch.
TEST(CorrectionsTest, CorrectingAnUnsureAmountTurnsUnverifiableIntoWhatTheArithmeticSays) {
  Declaration d = FromJson(ReviewDeclaration());
  ASSERT_EQ(CheckStatus::kUnverifiable, SumCheck(d.projects[2])->status);
  ASSERT_TRUE(ApplyCorrections(OneCorrection(3, "丙项目", "budget_lines[2].amount", "25万元"), &d).ok());
  Rereconcile(&d, reconcile::ReconcileOptions{});
  const Check* sum = SumCheck(d.projects[2]);
  EXPECT_EQ(CheckStatus::kMismatch, sum->status);
  EXPECT_EQ(Fen(50000'00), *sum->delta);
  ASSERT_EQ(1u, d.corrections.size());
  EXPECT_EQ("200000.00", d.corrections[0].read);
  EXPECT_EQ("25万元", d.corrections[0].corrected);
  EXPECT_EQ("看原件", d.corrections[0].note);

  Declaration agreed = FromJson(ReviewDeclaration());
  ASSERT_TRUE(ApplyCorrections(OneCorrection(3, "丙项目", "budget_lines[2].amount", "200000.00"),
                               &agreed).ok());
  Rereconcile(&agreed, reconcile::ReconcileOptions{});
  EXPECT_EQ(CheckStatus::kOk, SumCheck(agreed.projects[2])->status);
}

TEST(CorrectionsTest, CorrectingTheStatedTotalSettlesTheMismatch) {
  Declaration d = FromJson(ReviewDeclaration());
  ASSERT_EQ(CheckStatus::kMismatch, SumCheck(d.projects[1])->status);
  ASSERT_TRUE(ApplyCorrections(OneCorrection(2, "合作<b>交流</b>", "funds.total", "180万元"), &d).ok());
  Rereconcile(&d, reconcile::ReconcileOptions{});
  EXPECT_EQ(CheckStatus::kOk, SumCheck(d.projects[1])->status);
  // The corrected total is kept, with its place, as what a person read.
  EXPECT_EQ(Fen(1800000'00), d.projects[1].funds.total->value);
  EXPECT_EQ(800, d.projects[1].funds.total->source.box.x);
  EXPECT_FLOAT_EQ(1.0f, d.projects[1].funds.total->source.confidence);
  // And the corrections survive the JSON.
  Declaration again = FromJson(d);
  ASSERT_EQ(1u, again.corrections.size());
  EXPECT_EQ("1500000.00", again.corrections[0].read);
}

TEST(CorrectionsTest, RefusesWhatDoesNotFit) {
  Declaration d = FromJson(ReviewDeclaration());
  CorrectionsFile other = OneCorrection(2, "", "funds.total", "1");
  other.sha256 = "ffff";
  EXPECT_FALSE(ApplyCorrections(other, &d).ok());
  EXPECT_FALSE(ApplyCorrections(OneCorrection(9, "", "funds.total", "1"), &d).ok());
  EXPECT_FALSE(ApplyCorrections(OneCorrection(2, "甲项目", "funds.total", "1"), &d).ok());
  EXPECT_FALSE(ApplyCorrections(OneCorrection(2, "", "funds.nothing", "1"), &d).ok());
  EXPECT_FALSE(ApplyCorrections(OneCorrection(2, "", "budget_lines[99].amount", "1"), &d).ok());
  Status bad = ApplyCorrections(OneCorrection(2, "", "funds.total", "一百"), &d);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(std::string::npos, bad.message().find("correction 1 (project 2, funds.total)"))
      << bad.message();
  // All or nothing: nothing was applied.
  EXPECT_TRUE(d.corrections.empty());
  EXPECT_EQ(Fen(1500000'00), d.projects[1].funds.total->value);
}

TEST(CorrectionsTest, ReadsTheFileThePageDownloads) {
  Result<CorrectionsFile> file = ParseCorrectionsJson(R"({
    "schema": "decltab-corrections/1", "sha256": "0123456789abcdef", "file": "in/sample.pdf",
    "corrections": [{"project": 3, "project_name": "丙项目", "field": "budget_lines[2].amount",
      "read": "200000.00", "corrected": "25万元", "who": "李审",
      "when": "2026-12-08T04:00:00.000Z", "note": ""}]})");
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ("0123456789abcdef", file->sha256);
  ASSERT_EQ(1u, file->corrections.size());
  EXPECT_EQ(3, file->corrections[0].project);
  EXPECT_EQ("25万元", file->corrections[0].corrected);
  EXPECT_FALSE(ParseCorrectionsJson(R"({"corrections": [{"project": "x"}]})").ok());
  EXPECT_FALSE(ParseCorrectionsJson("[]").ok());
}

TEST(CorrectionsTest, ReadsCsvWithQuotes) {
  Result<CorrectionsFile> file = ParseCorrectionsCsv(
      "\xEF\xBB\xBFsha256,project,project_name,field,corrected,who,when,note\r\n"
      "0123456789abcdef,3,丙项目,budget_lines[2].amount,25万元,李审,2026-12-08,"
      "\"ink: \"\"25\"\", not 20\"\r\n"
      "0123456789abcdef,0,,stated_project_count,3,李审,2026-12-08,\r\n");
  ASSERT_TRUE(file.ok()) << file.status().message();
  ASSERT_EQ(2u, file->corrections.size());
  EXPECT_EQ("ink: \"25\", not 20", file->corrections[0].note);
  EXPECT_EQ(0, file->corrections[1].project);
  Declaration d = FromJson(ReviewDeclaration());
  ASSERT_TRUE(ApplyCorrections(*file, &d).ok());
  EXPECT_EQ(3, *d.stated_project_count);
  EXPECT_FALSE(ParseCorrectionsCsv("who,note\nx,y\n").ok());
}

}  // namespace
}  // namespace decltab::review
