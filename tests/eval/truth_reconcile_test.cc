// reconcile/ run on declarations rebuilt from the truth files must report
// the statuses the truth lists, and the exported JSON must score 1.0
// against its truth.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "export/json_writer.h"
#include "reconcile/reconcile.h"
#include "tests/eval/scorer.h"
#include "tests/eval/truth_declaration.h"

namespace decltab::eval {
namespace {

TEST(TruthReconcileTest, ReconcileAgreesWithEveryTruthFile) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator("testdata/truth")) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    std::ifstream in(entry.path());
    nlohmann::json truth = nlohmann::json::parse(in, nullptr, false);
    ASSERT_FALSE(truth.is_discarded()) << entry.path();
    Declaration d = DeclarationFromTruth(truth);
    reconcile::Reconcile(&d, reconcile::ReconcileOptions{});
    nlohmann::json output =
        nlohmann::json::parse(exporter::ContractJsonText(d), nullptr, false);
    ASSERT_FALSE(output.is_discarded());
    Result<DocumentScore> s = ScoreDocument(output, truth, entry.path().stem().string());
    ASSERT_TRUE(s.ok()) << s.status().message();
    std::cout << FormatScoreLine(*s) << "\n" << FormatDisagreements(*s);
    EXPECT_DOUBLE_EQ(1.0, s->project_recall);
    EXPECT_DOUBLE_EQ(1.0, s->budget_lines.f1());
    EXPECT_DOUBLE_EQ(1.0, s->indicators.f1());
    EXPECT_DOUBLE_EQ(1.0, s->check_agreement) << FormatDisagreements(*s);
    EXPECT_EQ(0, s->false_mismatches);
    EXPECT_EQ(0, s->missed_mismatches);
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace decltab::eval
