// normalize/label_families.txt: it parses, every line names a field a reader
// knows, and a line without a label is refused with its number.
#include "normalize/label_families.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "normalize/form_reader.h"
#include "normalize/indicator_reader.h"

namespace decltab::normalize {
namespace {

TEST(LabelFamiliesTest, BuiltInFileParsesAndNamesKnownFields) {
  Result<std::vector<LabelFamilyEntry>> parsed =
      ParseLabelFamilies(BuiltInLabelFamiliesText());
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->size(), LabelFamilies().size());
  ASSERT_GT(parsed->size(), 20u);
  for (const LabelFamilyEntry& e : *parsed)
    EXPECT_TRUE(IsFormField(e.field) || IsIndicatorField(e.field))
        << "label " << e.label << " names unknown field \"" << e.field << "\"";
}

TEST(LabelFamiliesTest, ParsesFieldsAndFoldedLabels) {
  Result<std::vector<LabelFamilyEntry>> parsed = ParseLabelFamilies(
      "# comment\n\nname   项目名称（全称）\n  funds.total\t年度本级预算金额\n");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(2u, parsed->size());
  EXPECT_EQ("name", (*parsed)[0].field);
  EXPECT_EQ("项目名称(全称)", (*parsed)[0].label);
  EXPECT_EQ("funds.total", (*parsed)[1].field);
  EXPECT_EQ("年度本级预算金额", (*parsed)[1].label);
}

TEST(LabelFamiliesTest, ALineWithoutALabelIsRefusedWithItsNumber) {
  Result<std::vector<LabelFamilyEntry>> parsed =
      ParseLabelFamilies("name 项目名称\nfunds.total\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ("label families: line 2: \"funds.total\" has no label",
            parsed.status().message());
}

TEST(LabelFamiliesTest, ReadersKnowEveryFamily) {
  std::vector<std::string> form = FormLabelTexts();
  std::vector<std::string> ind = IndicatorHeaderTexts();
  for (const LabelFamilyEntry& e : LabelFamilies()) {
    const std::vector<std::string>& texts = IsFormField(e.field) ? form : ind;
    EXPECT_NE(texts.end(), std::find(texts.begin(), texts.end(), e.label))
        << e.label;
  }
}

}  // namespace
}  // namespace decltab::normalize
