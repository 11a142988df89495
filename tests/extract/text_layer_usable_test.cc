#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/source_document.h"

namespace decltab::extract {
namespace {

std::vector<Word> Words(const std::vector<std::string>& texts) {
  std::vector<Word> words;
  int x = 0;
  for (const std::string& t : texts) {
    words.push_back(Word{t, Rect{x, 0, 40, 20}});
    x += 50;
  }
  return words;
}

TEST(TextLayerUsableTest, JudgesTextLayers) {
  const struct {
    const char* name;
    std::vector<std::string> words;
    bool usable;
  } kCases[] = {
      {"form text",
       {"财政项目支出绩效目标填报表", "项目资金总额", "37800000.00", ">=90%"},
       true},
      {"empty", {}, false},
      {"watermark only", {"扫描全能王", "创建"}, false},
      {"cid placeholders",
       {"财政项目支出绩效目标填报表", "(cid:1234)(cid:77)", "项目资金总额"},
       false},
      {"replacement character",
       {"财政项目支出绩效目标填报表", "项目\xEF\xBF\xBD资金总额"},
       false},
      {"mojibake (UTF-8 read as Latin-1)",
       {"\xC3\xA9\xC2\xA1\xC2\xB9\xC3\xA7\xC2\x9B\xC2\xAE"
        "\xC3\xA8\xC2\xB5\xC2\x84\xC3\xA9\xC2\x87\xC2\x91"
        "\xC3\xA6\xC2\x80\xC2\xBB\xC3\xA9\xC2\xA2\xC2\x9D"},
       false},
      {"ASCII garbage from a broken ToUnicode map",
       {"!\"#$%&'()*+,-./0123", "456789:;<=>?@ABCDEF"},
       false},
      {"private use area glyphs",
       {"\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83\xEE\x80\x84\xEE\x80\x85"
        "\xEE\x80\x86\xEE\x80\x87\xEE\x80\x88\xEE\x80\x89\xEE\x80\x8A",
        "项目资金总额项目资金总额"},
       false},
      {"invalid UTF-8", {"财政项目支出绩效目标填报表", "\xFF\xFE项目资金"}, false},
      {"full-width punctuation and symbols",
       {"其中：财政资金（元）", "800×47=38000", "≥90%", "项目资金总额"},
       true},
  };
  for (const auto& c : kCases)
    EXPECT_EQ(c.usable, TextLayerUsable(Words(c.words))) << c.name;
}

}  // namespace
}  // namespace decltab::extract
