#include "normalize/money_units.h"

#include "normalize/text.h"

namespace decltab::normalize {

std::optional<Fen> MoneyUnitNamed(std::string_view text) {
  for (const MoneyUnit& u : kMoneyUnits)
    if (text == u.text) return u.fen;
  return std::nullopt;
}

std::string_view TrailingMoneyUnit(std::string_view s) {
  for (const MoneyUnit& u : kMoneyUnits)
    if (u.names_money && EndsWith(s, u.text)) return u.text;
  return {};
}

std::string MoneyUnitAlternation() {
  std::string out;
  for (const MoneyUnit& u : kMoneyUnits) {
    if (!u.names_money) continue;
    if (!out.empty()) out += '|';
    out += u.text;
  }
  return out;
}

std::optional<Fen> UnitNote(std::string_view folded) {
  const std::string s = FoldCompact(folded);
  constexpr std::string_view kNote = "单位:";
  for (size_t at = s.find(kNote); at != std::string::npos;
       at = s.find(kNote, at + 1)) {
    std::string_view rest = std::string_view(s).substr(at + kNote.size());
    for (const MoneyUnit& u : kMoneyUnits)
      if (u.names_money && StartsWith(rest, u.text)) return u.fen;
  }
  return std::nullopt;
}

std::optional<Fen> UnitInHeader(std::string_view compact) {
  for (const MoneyUnit& u : kMoneyUnits)
    if (u.names_money && compact.find(u.text) != std::string_view::npos)
      return u.fen;
  return std::nullopt;
}

std::optional<Fen> UnitInLabel(std::string_view compact) {
  for (const MoneyUnit& u : kMoneyUnits) {
    if (!u.names_money) continue;
    const std::string bracketed = "(" + std::string(u.text) + ")";
    if (compact.find(bracketed) != std::string_view::npos) return u.fen;
  }
  return UnitNote(compact);
}

}  // namespace decltab::normalize
