// Small UTF-8 helpers shared by the extract stage (internal).
#ifndef DECLTAB_EXTRACT_UTF8_H_
#define DECLTAB_EXTRACT_UTF8_H_

#include <string>
#include <vector>

namespace decltab::extract {

// Decodes UTF-8; each malformed byte becomes U+FFFD.
std::vector<char32_t> DecodeUtf8(const std::string& text);
std::string EncodeUtf8(const std::vector<char32_t>& codepoints);

// Han ideographs (URO, extension A, compatibility) and CJK/full-width
// punctuation: the characters between which Chinese text has no spaces.
bool IsCjk(char32_t c);
bool IsHan(char32_t c);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_UTF8_H_
