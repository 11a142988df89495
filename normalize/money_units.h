// The money units and total words every reader of amounts asks: the amount
// parser, budget tables (headers, unit notes, total rows and columns), budget
// prose, the form's header grid and the document's stated total. One table,
// so a unit one reader knows every reader knows.
#ifndef DECLTAB_NORMALIZE_MONEY_UNITS_H_
#define DECLTAB_NORMALIZE_MONEY_UNITS_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/fen.h"

namespace decltab::normalize {

// Fen per 元, 万元 and 亿元.
inline constexpr Fen kYuan{100};
inline constexpr Fen kWanYuan{1'000'000};
inline constexpr Fen kYiYuan{10'000'000'000};

struct MoneyUnit {
  std::string_view text;
  Fen fen;
  // Whether the unit alone makes a figure money. 万 and 亿 also count
  // people and things ("覆盖10万人"), so prose, headers and labels take only
  // units with 元; an amount cell may say "250万".
  bool names_money;
};

// Longest first, so a reader matching a text's end or start finds 万元
// before 元.
inline constexpr MoneyUnit kMoneyUnits[] = {
    {"亿元", kYiYuan, true},     {"万元", kWanYuan, true},
    {"千元", Fen{100'000}, true}, {"元整", kYuan, true},
    {"亿", kYiYuan, false},      {"万", kWanYuan, false},
    {"元", kYuan, true},
};

// The unit written exactly as `text` ("万元", "万"), or nullopt.
std::optional<Fen> MoneyUnitNamed(std::string_view text);

// The longest unit naming money that `s` ends with ("…12.6万元" → "万元"),
// or "" when there is none.
std::string_view TrailingMoneyUnit(std::string_view s);

// "万元|亿元|…": every unit naming money, longest first, for a regular
// expression.
std::string MoneyUnitAlternation();

// "单位:万元" anywhere in folded `text` (":" folded from "："): the unit of
// bare numbers below it.
std::optional<Fen> UnitNote(std::string_view folded);

// A unit a header names anywhere ("资金需求(万元)", "金额元", "单位:千元"),
// the longest that occurs.
std::optional<Fen> UnitInHeader(std::string_view compact);

// A unit a form label states in brackets or as a note ("项目资金(万元)",
// "单位:万元"), never one inside a value ("总额500万元").
std::optional<Fen> UnitInLabel(std::string_view compact);

// Words that make a row or a column of a budget table a stated total of
// the lines above it ("合计" row, "合计" column merged over all rows).
inline constexpr std::string_view kTableTotalWords[] = {"合计", "小计", "总计",
                                                        "共计"};
// Words that make a prose clause a total of the clauses around it: those of
// tables, and 总额 and 总预算, which in a table also head the plain amount
// column ("总额(元)").
inline constexpr std::string_view kProseTotalWords[] = {
    "合计", "小计", "总计", "共计", "总额", "总预算"};

}  // namespace decltab::normalize

#endif  // DECLTAB_NORMALIZE_MONEY_UNITS_H_
