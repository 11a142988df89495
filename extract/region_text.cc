#include "extract/region_text.h"

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace decltab::extract {
namespace {

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Marks that ruling-line remnants at a cell edge turn into.
bool IsStrayMark(char32_t c) {
  switch (c) {
    case '|': case ']': case '[': case '_': case 0x4E28:  // 丨
    case 0xFF5C:  // ｜
    case 0x3010: case 0x3011:  // 【 】
    case 0x2014:  // —, a vertical line read sideways at a line end
      return true;
  }
  return IsSpace(c);
}

// Marks that specks beside a cell's text turn into.
bool IsDust(char32_t c) { return c == '-' || c == '.'; }

// Characters of numeric cells, as Tesseract's chi_sim model writes them.
bool IsNumericSign(char32_t c) {
  if (c >= '0' && c <= '9') return true;
  if (c >= 0xFF10 && c <= 0xFF19) return true;  // full-width digits
  switch (c) {
    case '.': case ',': case '%': case '-': case '=': case '>': case '<':
    case ':': case '/': case '+':
    case 0x2265: case 0x2264:  // ≥ ≤
    case 0xFF0E: case 0xFF0C: case 0xFF05: case 0xFF0D: case 0xFF1D:
    case 0xFF1E: case 0xFF1C: case 0xFF1A: case 0xFF0F:  // full-width forms
    case 0x3002: case 0x3001:  // 。、 (chi_sim's reading of . and ,)
      return true;
  }
  return IsSpace(c);
}

}  // namespace

std::string CleanRegionText(const std::string& raw) {
  // Split into lines, each trimmed of spaces and stray marks at its ends:
  // the left and right cell borders touch every line.
  std::vector<std::vector<char32_t>> lines(1);
  for (char32_t c : DecodeUtf8(raw)) {
    if (c == '\n' || c == '\r') {
      lines.emplace_back();
    } else {
      lines.back().push_back(c);
    }
  }
  std::vector<char32_t> joined;
  for (std::vector<char32_t>& line : lines) {
    size_t begin = 0, end = line.size();
    while (begin < end && IsStrayMark(line[begin])) ++begin;
    while (end > begin && IsStrayMark(line[end - 1])) --end;
    if (begin == end) continue;
    if (!joined.empty() && IsLatinLetter(joined.back()) &&
        IsLatinLetter(line[begin]))
      joined.push_back(' ');
    joined.insert(joined.end(), line.begin() + begin, line.begin() + end);
  }
  // "800x47=38000": a Latin x between digits is a multiplication sign; so is
  // a doubled one ("10.39Xx3850"), a × read as two letters.
  auto is_x = [](char32_t c) { return c == 'x' || c == 'X'; };
  for (size_t i = 1; i + 1 < joined.size(); ++i) {
    if (!is_x(joined[i]) || !IsDigit(joined[i - 1])) continue;
    if (IsDigit(joined[i + 1])) {
      joined[i] = 0x00D7;
    } else if (is_x(joined[i + 1]) && i + 2 < joined.size() && IsDigit(joined[i + 2])) {
      joined[i] = 0x00D7;
      joined.erase(joined.begin() + i + 1);
    }
  }
  // Spaces: none next to CJK, runs collapsed elsewhere.
  std::vector<char32_t> out;
  for (size_t i = 0; i < joined.size(); ++i) {
    if (!IsSpace(joined[i])) {
      out.push_back(joined[i]);
      continue;
    }
    size_t next = i;
    while (next < joined.size() && IsSpace(joined[next])) ++next;
    const bool cjk_before = !out.empty() && IsCjk(out.back());
    const bool cjk_after = next < joined.size() && IsCjk(joined[next]);
    if (!cjk_before && !cjk_after && !out.empty() && next < joined.size())
      out.push_back(' ');
    i = next - 1;
  }
  // Dots beside an ellipsis are its own dots read twice (".…" for …).
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] != 0x2026) continue;
    while (i > 0 && out[i - 1] == '.') out.erase(out.begin() + --i);
    while (i + 1 < out.size() && out[i + 1] == '.') out.erase(out.begin() + i + 1);
  }
  // A dash or dot opening or closing the text next to a CJK character is a
  // speck: Chinese text ends with 。 and a minus or decimal point stands
  // next to a digit. (Inside, "2023年-" may wrap before "2024年".)
  if (out.size() >= 2 && IsDust(out.front()) && IsCjk(out[1])) out.erase(out.begin());
  // Nor does a number or date open with a dot unless it is a bare fraction
  // (".2023-01-01").
  if (out.size() >= 2 && out.front() == '.' && IsDigit(out[1]) &&
      !std::all_of(out.begin() + 1, out.end(), IsDigit))
    out.erase(out.begin());
  if (out.size() >= 2 && IsDust(out.back()) && IsCjk(out[out.size() - 2])) out.pop_back();
  // Neither does a text open with a closing quote or close with an opening
  // one, nor hold at either end a quote that no other quote pairs: such a
  // quote is a speck read as one (”合计, 办公室“, “充分).
  auto holds = [](auto first, auto last, char32_t quote) {
    return std::find(first, last, quote) != last || std::find(first, last, U'"') != last;
  };
  if (out.size() >= 2) {
    const char32_t c = out.front();
    if (c == 0x201D || c == 0x2019 ||
        ((c == 0x201C || c == '"') && !holds(out.begin() + 1, out.end(), 0x201D)))
      out.erase(out.begin());
  }
  if (out.size() >= 2) {
    const char32_t c = out.back();
    if (c == 0x201C || c == 0x2018 ||
        ((c == 0x201D || c == '"') && !holds(out.begin(), out.end() - 1, 0x201C)))
      out.pop_back();
  }
  return EncodeUtf8(out);
}

bool LooksNumeric(const std::string& text) {
  bool digit = false;
  for (char32_t c : DecodeUtf8(text)) {
    if (!IsNumericSign(c)) return false;
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) digit = true;
  }
  return digit;
}

bool LooksNumericButOne(const std::string& text) {
  const std::vector<char32_t> cs = DecodeUtf8(text);
  const auto others = std::count_if(cs.begin(), cs.end(),
                                    [](char32_t c) { return !IsNumericSign(c); });
  return cs.size() >= 4 && others == 1 &&
         std::any_of(cs.begin(), cs.end(), [](char32_t c) { return IsDigit(c); });
}

std::string CleanDigitText(const std::string& text) {
  std::vector<char32_t> cs = DecodeUtf8(CleanRegionText(text));
  size_t begin = 0, end = cs.size();
  while (begin < end && (cs[begin] == ':' || cs[begin] == ',')) ++begin;
  while (end > begin &&
         (cs[end - 1] == ':' || cs[end - 1] == ',' || cs[end - 1] == '.'))
    --end;
  return EncodeUtf8(std::vector<char32_t>(cs.begin() + begin, cs.begin() + end));
}

double EstimatedNumericWidth(const std::string& text) {
  double width = 0;
  for (char32_t c : DecodeUtf8(text)) {
    switch (c) {
      case '.': case ',': case ':': width += 0.35; break;
      case '-': case '/': width += 0.45; break;
      case '%': width += 1.0; break;
      case '>': case '<': case '=': width += 0.76; break;
      case 0x2265: case 0x2264: width += 0.8; break;
      case ' ': width += 0.3; break;
      default: width += 0.67;
    }
  }
  return width;
}

}  // namespace decltab::extract
