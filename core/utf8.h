// Small UTF-8 helpers shared by every stage.
#ifndef DECLTAB_CORE_UTF8_H_
#define DECLTAB_CORE_UTF8_H_

#include <string>
#include <vector>

namespace decltab {

// Decodes UTF-8; each malformed byte becomes U+FFFD.
std::vector<char32_t> DecodeUtf8(const std::string& text);
std::string EncodeUtf8(const std::vector<char32_t>& codepoints);

// Scripts written without spaces between words (Han, kana, Hangul ...) and
// their punctuation and full-width forms (，。：（）２ ...): the characters
// between which text carries no spaces.
bool IsCjk(char32_t c);
// Han ideographs only (URO, extensions, compatibility).
bool IsHan(char32_t c);

}  // namespace decltab

#endif  // DECLTAB_CORE_UTF8_H_
