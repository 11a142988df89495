#include "normalize/text.h"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <vector>

namespace decltab::normalize {
namespace {

// Returns NFKC of `utf8`, or nullopt-like empty flag when ICU fails.
bool Nfkc(std::string_view utf8, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) return false;
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString dst = nfkc->normalize(src, status);
  if (U_FAILURE(status)) return false;
  out->clear();
  dst.toUTF8String(*out);
  return true;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0x00A0 || c == 0x3000 || c == 0x2028 ||
         c == 0x2029 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
         c == 0x205F || c == 0xFEFF;
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Signs OCR and typists use for "times" between two numbers.
bool IsTimesSign(char32_t c) {
  return c == 'x' || c == 'X' || c == '*' || c == 0x00D7 || c == 0x2715 ||
         c == 0x2716 || c == 0x2573 || c == 0x2A2F || c == 0x2217;
}

// Comparison signs NFKC leaves alone, with their ASCII spelling.
const char32_t* ComparisonSpelling(char32_t c) {
  switch (c) {
    case 0x2265:
    case 0x2267:
    case 0x2A7E:
      return U">=";  // ≥ ≧ ⩾
    case 0x2264:
    case 0x2266:
    case 0x2A7D:
      return U"<=";  // ≤ ≦ ⩽
    default:
      return nullptr;
  }
}

}  // namespace

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80         ? 1
              : (b >> 5) == 6  ? 2
              : (b >> 4) == 14 ? 3
              : (b >> 3) == 30 ? 4
                               : 0;
    if (len == 0 || i + len > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t c = len == 1   ? b
                 : len == 2 ? (b & 0x1F)
                 : len == 3 ? (b & 0x0F)
                            : (b & 0x07);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      unsigned char cb = static_cast<unsigned char>(s[i + k]);
      if ((cb >> 6) != 2) {
        ok = false;
        break;
      }
      c = (c << 6) | (cb & 0x3F);
    }
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(c);
    i += len;
  }
  return out;
}

std::string ToUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

size_t CodePointCount(std::string_view utf8) {
  size_t n = 0;
  for (char ch : utf8)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         text.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

namespace {

// One round of FoldText. *recompose is set when the round removed a space
// or spelled out a sign in text that has non-ASCII characters: a combining
// mark may then follow a new base character, which NFKC would compose.
std::string FoldOnce(std::string_view utf8, bool* recompose) {
  std::string nfkc;
  std::u32string in = Nfkc(utf8, &nfkc) ? ToU32(nfkc) : ToU32(utf8);

  // Pass 1: comparison signs, and times signs between digits (absorbing the
  // spaces around them so "800 x 47" becomes "800×47").
  std::u32string mid;
  mid.reserve(in.size() + 4);
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (const char32_t* spelled = ComparisonSpelling(c)) {
      mid += spelled;
      continue;
    }
    if (IsTimesSign(c)) {
      size_t back = mid.size();
      while (back > 0 && IsSpace(mid[back - 1])) --back;
      size_t next = i + 1;
      while (next < in.size() && IsSpace(in[next])) ++next;
      if (back > 0 && IsDigit(mid[back - 1]) && next < in.size() &&
          IsDigit(in[next])) {
        mid.resize(back);
        mid.push_back(U'×');
        i = next - 1;
        continue;
      }
    }
    mid.push_back(c);
  }

  // Pass 2: whitespace. Only a space between two ASCII letters/digits
  // carries meaning ("web server", or "2 75" which must stay suspicious).
  std::u32string out;
  out.reserve(mid.size());
  for (size_t i = 0; i < mid.size(); ++i) {
    if (!IsSpace(mid[i])) {
      out.push_back(mid[i]);
      continue;
    }
    size_t next = i;
    while (next < mid.size() && IsSpace(mid[next])) ++next;
    if (!out.empty() && next < mid.size() && IsAsciiAlnum(out.back()) &&
        IsAsciiAlnum(mid[next]))
      out.push_back(' ');
    i = next - 1;
  }
  *recompose = out != in && std::any_of(out.begin(), out.end(), [](char32_t c) {
    return c >= 0x80;
  });
  return ToUtf8(out);
}

}  // namespace

std::string FoldText(std::string_view utf8) {
  // A dropped space or a spelled-out sign may put a combining mark after a
  // new base character (p, space, U+0301 → "ṕ"; ≦, U+0338 → "<=" U+0338 →
  // "<≠"), and a composed character changes which spaces stay: in "X z ́"
  // the space sits between two ASCII letters, in "X ź" it does not. A
  // second round composes and settles the spaces, so text folded twice
  // equals text folded once.
  bool recompose = false;
  std::string once = FoldOnce(utf8, &recompose);
  if (!recompose) return once;
  return FoldOnce(once, &recompose);
}

std::string FoldCompact(std::string_view utf8) {
  std::string folded = FoldText(utf8);
  folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
  return folded;
}

int EditDistance(std::u32string_view a, std::u32string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

double LabelSimilarity(std::string_view a, std::string_view b) {
  std::u32string ua = ToU32(FoldCompact(a)), ub = ToU32(FoldCompact(b));
  size_t longer = std::max(ua.size(), ub.size());
  if (longer == 0) return 1.0;
  return 1.0 - static_cast<double>(EditDistance(ua, ub)) /
                   static_cast<double>(longer);
}

}  // namespace decltab::normalize
