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

// C0 controls, DEL, C1 controls, and the bidirectional marks, embeddings,
// overrides and isolates (U+061C, U+200E/F, U+202A-E, U+2066-9): characters
// that steer a terminal or reorder the text around them, and show nothing.
bool IsControlOrBidi(char32_t c);

// `text` with each control or bidi character (above) and each byte that is
// not part of valid UTF-8 spelled as a visible escape: "\x1B", "\u202E".
// Everything else is kept byte for byte. For log lines, file names in
// messages, and text read from a document.
std::string EscapeControls(const std::string& text);

}  // namespace decltab

#endif  // DECLTAB_CORE_UTF8_H_
