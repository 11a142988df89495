#include "normalize/vocabulary.h"

#include <gtest/gtest.h>

namespace decltab::normalize {
namespace {

TEST(SnapLabelTest, SnapsCloseOcrToVocabulary) {
  const struct {
    const char* text;
    Level level;
    const char* out;
  } kCases[] = {
      {"产出指标", Level::kLevel1, "产出指标"},
      {"产出指\n标", Level::kLevel1, "产出指标"},
      {"产出指", Level::kLevel1, "产出指标"},
      {"产山指标", Level::kLevel1, "产出指标"},
      {"效益指 标", Level::kLevel1, "效益指标"},
      {"满意度 指标", Level::kLevel1, "满意度指标"},
      {"经济效益指 标", Level::kLevel2, "经济效益指标"},
      // Written without 指标 by the form itself: kept as written.
      {"经济效益", Level::kLevel2, "经济效益"},
      {"满意度", Level::kLevel2, "满意度"},
      {"社会效益指指标", Level::kLevel2, "社会效益指标"},
      {"服务对象满 意度指标", Level::kLevel2, "服务对象满意度指标"},
      {"可持续影 响指标", Level::kLevel2, "可持续影响指标"},
      {"数量指杯", Level::kLevel2, "数量指标"},
      // As close to 数量指标 as to 质量指标 (the first character decides):
      // kept.
      {"X量指标", Level::kLevel2, "X量指标"},
      // Not a vocabulary word at all.
      {"项目完成率", Level::kLevel2, "项目完成率"},
      {"", Level::kLevel1, ""},
      // Level-2 words are not snapped as level 1.
      {"数量指标", Level::kLevel1, "数量指标"},
  };
  for (const auto& c : kCases)
    EXPECT_EQ(c.out, SnapLabel(c.text, c.level)) << c.text;
}

}  // namespace
}  // namespace decltab::normalize
