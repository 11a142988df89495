// Text comparison for the scorer: a light fold (full-width ASCII to ASCII,
// ≥/≤ to >=/<=, all whitespace removed) and a code-point edit similarity,
// so that OCR noise and spacing do not count as different rows.
#ifndef DECLTAB_TESTS_EVAL_TEXT_MATCH_H_
#define DECLTAB_TESTS_EVAL_TEXT_MATCH_H_

#include <string>
#include <vector>

namespace decltab::eval {

// UTF-8 to code points; a byte that starts no valid sequence is taken as is.
std::vector<char32_t> DecodeUtf8(const std::string& text);
std::string EncodeUtf8(const std::vector<char32_t>& code_points);

// "＞＝ 2 家" -> ">=2家", "（元）" -> "(元)"; removes every whitespace character.
std::string FoldText(const std::string& text);

// 1 - Levenshtein(a, b) / max(|a|, |b|) over code points; 1.0 for two empty
// strings. Callers fold first.
double Similarity(const std::string& a, const std::string& b);

}  // namespace decltab::eval

#endif  // DECLTAB_TESTS_EVAL_TEXT_MATCH_H_
