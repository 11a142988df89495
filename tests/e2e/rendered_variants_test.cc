// Each hand-written declaration (testdata/truth/src) drawn again with other
// seeds of the renderer (tools/render): other fonts, sizes, margins, rule
// widths, column widths, and so other page breaks cutting tables and
// sentences. Extracted as a reader would and scored against its truth: every
// figure must be exact, as on the bundled renderings.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <tuple>

#include "tests/e2e/extract_and_score.h"

namespace decltab::e2e {
namespace {

using Variant = std::tuple<const char*, int>;  // truth source, render seed

class RenderedVariantsTest : public testing::TestWithParam<Variant> {};

TEST_P(RenderedVariantsTest, ExtractsEveryFigure) {
  const auto [source, seed] = GetParam();
  const std::string name = std::string(source) + "-seed" + std::to_string(seed);
  const std::string dir = TempDir(name);
  const std::string pdf = dir + "/" + name + ".pdf", truth = dir + "/truth.json";
  const std::string render = std::string(DECLTAB_RENDER_BINARY) + " testdata/truth/src/" +
                             source + ".json -o " + pdf + " --seed " +
                             std::to_string(seed) + " --truth-out " + truth + " >/dev/null";
  ASSERT_EQ(0, std::system(render.c_str())) << render;
  Result<eval::DocumentScore> score = ExtractAndScore(pdf, truth, name, dir);
  ASSERT_TRUE(score.ok()) << score.status().message();
  EXPECT_EQ(1.0, score->project_recall);
  EXPECT_EQ(1.0, score->funds_total_exact_rate);
  EXPECT_EQ(1.0, score->indicators.f1());
  EXPECT_EQ(1.0, score->budget_lines.f1());
  EXPECT_EQ(score->budget_lines.matched, score->budget_fields_right);
  EXPECT_EQ(1.0, score->check_agreement);
  EXPECT_EQ(0, score->false_mismatches);
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, RenderedVariantsTest,
    testing::Combine(testing::Values("songjiang-2023", "variant-a", "variant-b"),
                     testing::Range(11, 17)),
    [](const testing::TestParamInfo<Variant>& info) {
      std::string source = std::get<0>(info.param);
      for (char& c : source)
        if (c == '-') c = '_';
      return source + "_seed" + std::to_string(std::get<1>(info.param));
    });

}  // namespace
}  // namespace decltab::e2e
