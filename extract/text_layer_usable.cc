// TextLayerUsable: decides between a PDF's text layer and OCR.
#include <string>
#include <vector>

#include "extract/source_document.h"
#include "core/utf8.h"

namespace decltab::extract {
namespace {

// Thresholds. A declaration page carries hundreds of characters; a scan
// with only a scanner app's watermark or a page number carries a handful.
constexpr int kMinCharacters = 20;
// Share of characters that must be plausible (CJK, ASCII, common symbols).
constexpr double kMinPlausibleShare = 0.95;
// Share of characters that must be Han: a broken ToUnicode map on a Chinese
// document yields ASCII or Latin-1 garbage with no Han at all.
constexpr double kMinHanShare = 0.15;

bool IsPlausible(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return true;  // ASCII
  if (IsCjk(c)) return true;
  if (c >= 0x2000 && c <= 0x206F) return true;  // general punctuation
  if (c >= 0x2100 && c <= 0x22FF) return true;  // letterlike, arrows, math
  if (c >= 0x2460 && c <= 0x24FF) return true;  // circled numbers
  if (c >= 0x2500 && c <= 0x25FF) return true;  // box drawing, shapes
  switch (c) {
    case 0x00B7:  // middle dot
    case 0x00D7:  // multiplication sign
    case 0x00F7:  // division sign
    case 0x00B1:  // plus-minus
    case 0x00B0:  // degree
    case 0x00A5:  // yen/yuan sign
      return true;
  }
  return false;
}

}  // namespace

bool TextLayerUsable(const std::vector<Word>& words) {
  int total = 0, plausible = 0, han = 0;
  for (const Word& word : words) {
    if (word.text.find("(cid:") != std::string::npos) return false;
    for (char32_t c : DecodeUtf8(word.text)) {
      if (c == 0xFFFD) return false;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
      ++total;
      if (IsPlausible(c)) ++plausible;
      if (IsHan(c)) ++han;
    }
  }
  if (total < kMinCharacters) return false;
  return plausible >= kMinPlausibleShare * total && han >= kMinHanShare * total;
}

}  // namespace decltab::extract
