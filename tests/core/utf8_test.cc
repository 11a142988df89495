#include "core/utf8.h"

#include <gtest/gtest.h>

namespace decltab {
namespace {

TEST(EscapeControlsTest, SpellsControlsAndBidiAsEscapes) {
  EXPECT_EQ("plain 文本 ≥ 2", EscapeControls("plain 文本 ≥ 2"));
  EXPECT_EQ("a\\x1B[31mred", EscapeControls("a\x1B[31mred"));
  EXPECT_EQ("line\\x0A2026-01-01T00:00:00Z done x", EscapeControls("line\n2026-01-01T00:00:00Z done x"));
  EXPECT_EQ("bell\\x07\\x7F\\x00", EscapeControls(std::string("bell\x07\x7F\0", 7)));
  EXPECT_EQ("\\u202Efdp.exe", EscapeControls("\xE2\x80\xAE" "fdp.exe"));   // RLO
  EXPECT_EQ("\\u2066x\\u2069", EscapeControls("\xE2\x81\xA6x\xE2\x81\xA9"));  // LRI, PDI
  EXPECT_EQ("\\x9B", EscapeControls("\xC2\x9B"));                             // C1 CSI
  EXPECT_EQ("\\x9B2J", EscapeControls("\x9B" "2J"));        // a stray byte, not UTF-8
  EXPECT_EQ("\\xE4\\xB8", EscapeControls("\xE4\xB8"));     // a cut sequence
  EXPECT_EQ("\\xED\\xA0\\x80", EscapeControls("\xED\xA0\x80"));  // a surrogate
}

}  // namespace
}  // namespace decltab
