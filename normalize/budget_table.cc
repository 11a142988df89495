// Budget tables (see budget_reader.h). Columns are found by their header
// labels; the money column of a line is the last money column.
#include <algorithm>
#include <cstring>

#include "normalize/amount.h"
#include "normalize/budget_reader.h"
#include "normalize/text.h"

namespace decltab::normalize {
namespace {

// Header words, by the role of their column.
constexpr const char* kQuantityWords[] = {"数量", "人数", "次数", "天数",
                                          "期数", "份数", "件数", "人次",
                                          "场次", "个数"};
constexpr const char* kPriceWords[] = {"单价", "单次", "制作费用", "标准"};
constexpr const char* kMoneyWords[] = {"元",   "费",   "金额", "资金", "合计",
                                       "总计", "预算", "额",   "需求"};

// First-column headers that name the column, not a group of lines.
constexpr const char* kGenericItemHeaders[] = {
    "项目",     "内容",     "名称",     "项目名称", "项目内容",
    "支出内容", "支出项目", "明细",     "费用名称", "费用项目",
    "类别",     "科目",     "用途",     "具体内容", "事项",
    "序号",     "摘要",     "预算项目", "经济分类", "支出明细"};

// Caption endings that say "how this item's money was worked out".
constexpr const char* kCaptionTails[] = {"项目资金的测算方式",
                                         "项目资金测算方式",
                                         "资金的测算方式",
                                         "资金测算方式",
                                         "经费的测算方式",
                                         "经费测算方式",
                                         "的测算方式",
                                         "测算方式",
                                         "测算明细",
                                         "预算明细",
                                         "明细"};

// Words around what a fee header pays for: "单次检测费用" → 检测.
constexpr const char* kFeeHeads[] = {"单次", "每次", "总计", "合计", "共计"};
constexpr const char* kFeeTails[] = {"费用", "经费", "金额", "资金", "费"};
constexpr size_t kMaxActivityChars = 6;
// Most characters between what is counted and the activity in the prose
// phrase that names a line ("水质样品[定期抽样]检测").
constexpr size_t kMaxNameGapChars = 8;

// A row that opens a group of lines ("某某工作项目组成").
constexpr const char* kGroupTail = "项目组成";

enum class Role { kNone, kQuantity, kPrice, kMoney, kTotal };

struct Column {
  Role role = Role::kNone;
  std::string header;                     // FoldCompact
  std::optional<Fen> unit;                // from "(元)", "(万元)"
  std::optional<std::string> count_unit;  // "(件)" on a quantity column
  std::optional<std::string> per_unit;    // "每期…" or ".../期"
};

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

Column Classify(const std::string& header) {
  Column col;
  col.header = header;
  col.unit = UnitInHeader(header);
  // Bracketed units: the first that is not money.
  for (size_t open = header.find('('); open != std::string::npos;
       open = header.find('(', open + 1)) {
    size_t close = header.find(')', open);
    if (close == std::string::npos) break;
    std::string inside = header.substr(open + 1, close - open - 1);
    if (!inside.empty() && inside.find("元") == std::string::npos &&
        CodePointCount(inside) <= 3 && !col.count_unit)
      col.count_unit = inside;
  }
  size_t slash = header.rfind('/');
  if (slash != std::string::npos && slash + 1 < header.size() &&
      CodePointCount(header.substr(slash + 1)) <= 2)
    col.per_unit = header.substr(slash + 1);
  if (StartsWith(header, "每")) {
    std::u32string u = ToU32(header);
    if (u.size() > 1) col.per_unit = ToUtf8(u.substr(1, 1));
  }
  std::string label = LabelForm(header);
  if (ContainsAny(label, kQuantityWords))
    col.role = Role::kQuantity;
  else if (ContainsAny(label, kPriceWords))
    col.role = Role::kPrice;
  else if (ContainsAny(header, kMoneyWords))
    col.role = Role::kMoney;
  return col;
}

// "3850", "1,200.5": a number and nothing else.
bool IsBareNumber(std::string_view s) {
  return HasDigit(s) && s.find_first_not_of("0123456789.,") == std::string_view::npos;
}

// Text of the cell anchored at (row, col); "" for a cell merged from above.
std::string OwnText(const Table& t, int row, int col) {
  const Cell* cell = t.At(row, col);
  if (cell == nullptr || cell->row != row || cell->col != col) return "";
  return FoldText(cell->text);
}

// Column `col` holds bare numbers from row `from` on, and nothing else (a 序号
// column, or counts under a header OCR garbled).
bool NumbersOnly(const Table& t, int from, int col) {
  bool any = false;
  for (int r = from; r < t.rows; ++r) {
    std::string text = FoldCompact(OwnText(t, r, col));
    if (!text.empty() && !IsBareNumber(text)) return false;
    any |= !text.empty();
  }
  return any;
}

bool ColumnHasDigit(const Table& t, int from, int col) {
  for (int r = from; r < t.rows; ++r)
    if (HasDigit(OwnText(t, r, col))) return true;
  return false;
}

bool RowHasDigit(const Table& t, int row) {
  for (const Cell* cell : CellsInRow(t, row))
    if (cell->row == row && HasDigit(FoldText(cell->text))) return true;
  return false;
}

bool IsHeaderRow(const Table& t, int row) {
  if (RowHasDigit(t, row)) return false;
  for (const Cell* cell : CellsInRow(t, row))
    if (Classify(FoldCompact(cell->text)).role != Role::kNone) return true;
  return false;
}

std::string ItemFromCaption(const std::string& caption) {
  for (const char* tail : kCaptionTails)
    if (EndsWith(caption, tail) && caption.size() > strlen(tail))
      return caption.substr(0, caption.size() - strlen(tail));
  return caption;
}

// What a quantity column counts, for a table with no item column:
// "合同文本数量(件)" → 合同文本; "" when the header names only the count
// ("数量(件)", "人数").
std::string ItemFromQuantityHeader(const std::string& header) {
  std::string label = LabelForm(header);
  size_t at = label.find("数量");
  return at == std::string::npos ? "" : label.substr(0, at);
}

// What a fee column pays for, for a table with no item column:
// "单次检测费用(元)" → 检测; "" for plain money headers ("金额", "单价(元)").
std::string ActivityFromFeeHeader(const std::string& header) {
  std::string label = LabelForm(header);
  for (const char* head : kFeeHeads)
    if (StartsWith(label, head)) label = label.substr(strlen(head));
  for (const char* tail : kFeeTails)
    if (EndsWith(label, tail)) label = label.substr(0, label.size() - strlen(tail));
  const size_t n = CodePointCount(label);
  if (n == 0 || n > kMaxActivityChars || ContainsAny(label, kPriceWords) ||
      ContainsAny(label, kMoneyWords))
    return "";
  return label;
}

// The project's own words for a line named only by its headers: the
// shortest span of one clause of `prose` that starts with what is counted
// and ends with the fee's activity, at most kMaxNameGapChars apart
// ("…为水质样品定期抽样检测,…" → 水质样品定期抽样检测).
std::optional<std::string> NameInProse(const std::string& counted,
                                       const std::string& activity,
                                       const std::vector<std::string>& prose) {
  std::optional<std::u32string> best;
  const std::u32string what = ToU32(counted), act = ToU32(activity);
  for (const std::string& paragraph : prose) {
    const std::u32string text = ToU32(FoldCompact(paragraph));
    for (size_t at = text.find(what); at != std::u32string::npos;
         at = text.find(what, at + 1)) {
      const size_t from = at + what.size();
      const size_t end = text.find(act, from);
      if (end == std::u32string::npos || end - from > kMaxNameGapChars) continue;
      const std::u32string gap = text.substr(from, end - from);
      if (gap.find_first_of(U",，;；。、:：") != std::u32string::npos) continue;
      std::u32string span = text.substr(at, end + act.size() - at);
      if (!best || span.size() < best->size()) best = std::move(span);
    }
  }
  if (!best) return std::nullopt;
  return ToUtf8(*best);
}

// The name of a line in a table with no item column: what the quantity
// column counts, with what the fee columns pay for, as the prose words it
// when it does ("水质样品数量" + "单次检测费用" → 水质样品检测).
std::string ItemFromHeaders(const std::vector<Column>& cols, int qty_col,
                            const std::vector<std::string>& prose) {
  const std::string counted = ItemFromQuantityHeader(cols[qty_col].header);
  if (counted.empty()) return "";
  for (const Column& col : cols) {
    if (col.role != Role::kPrice && col.role != Role::kMoney) continue;
    const std::string activity = ActivityFromFeeHeader(col.header);
    if (activity.empty()) continue;
    if (std::optional<std::string> named = NameInProse(counted, activity, prose))
      return *named;
    return counted + activity;
  }
  return counted;
}

bool IsGenericItemHeader(const std::string& text) {
  std::string label = LabelForm(text);
  for (const char* g : kGenericItemHeaders)
    if (label == g) return true;
  return label.empty();
}

// Decimal equal to an amount in `unit`?
bool SameAmount(const Decimal& d, Fen unit, Fen amount) {
  std::optional<Fen> v = d.Times(unit);
  return v && *v == amount;
}

}  // namespace

BudgetRead ReadBudgetTable(const Table& t, const TableContext& ctx,
                           const AroundTable& around) {
  const std::optional<std::string>& caption = around.caption;
  BudgetRead out;
  Fen table_unit = around.default_unit;
  int first = 0;
  // Unit notes above the header ("单位:万元" across the table).
  while (first < t.rows && CellsInRow(t, first).size() == 1 &&
         UnitNote(CellText(CellsInRow(t, first)[0]))) {
    table_unit = *UnitNote(CellText(CellsInRow(t, first)[0]));
    ++first;
  }

  int header = -1;
  for (int r = first; r < std::min(first + 3, t.rows); ++r)
    if (IsHeaderRow(t, r)) {
      header = r;
      break;
    }
  // A table continued from the previous page without its header row: the
  // first table on its page, as many columns as the budget table before it.
  // It is read with that table's header, its rows in the group open there.
  const bool continued = header < 0 && ctx.table_no == 1 &&
                         around.carried_header.size() == static_cast<size_t>(t.cols);
  const bool headed = header >= 0 || continued;
  std::vector<std::string> header_text(t.cols);
  if (continued) header_text = around.carried_header;
  int data = first;
  if (header >= 0) {
    for (int c = 0; c < t.cols; ++c) {
      const Cell* cell = t.At(header, c);
      header_text[c] = cell ? FoldCompact(cell->text) : "";
    }
    data = header + 1;
    // A wrapped header split into a second row of bracketed units: "(件)".
    if (data < t.rows && !RowHasDigit(t, data)) {
      bool units_only = true, any = false;
      for (const Cell* cell : CellsInRow(t, data)) {
        std::string s = FoldCompact(cell->text);
        if (s.empty()) continue;
        any = true;
        if (!StartsWith(s, "(")) units_only = false;
      }
      if (any && units_only) {
        for (int c = 0; c < t.cols; ++c) {
          const Cell* cell = t.At(data, c);
          if (cell != nullptr && cell->row == data)
            header_text[c] += FoldCompact(cell->text);
        }
        ++data;
      }
    }
  }

  std::vector<Column> cols(t.cols);
  for (int c = 0; c < t.cols; ++c) {
    cols[c] = Classify(header_text[c]);
    // A merged cell header spanning columns: only its first column counts.
    const Cell* cell = header >= 0 ? t.At(header, c) : nullptr;
    if (cell != nullptr && cell->col != c) cols[c] = Column{};
  }

  // A 合计 column whose value is merged over the rows (or written once) is a
  // stated total, not a per-row amount; so is one that, in a row, differs
  // from the sum of the money columns before it, in a table that prices no
  // quantities (the part of such a column left above a page break may be
  // one row).
  auto unit_of = [&](int c) {
    return c >= 0 && cols[c].unit ? *cols[c].unit : table_unit;
  };
  const bool priced = std::any_of(cols.begin(), cols.end(), [](const Column& col) {
    return col.role == Role::kQuantity || col.role == Role::kPrice || col.per_unit;
  });
  auto differs_from_row_sum = [&](int c) {
    if (priced) return false;
    for (int r = data; r < t.rows; ++r) {
      Result<StatedAmount> stated = ParseAmount(OwnText(t, r, c), unit_of(c));
      if (!stated.ok()) continue;
      Fen sum;
      int parts = 0;
      for (int k = 0; k < c; ++k) {
        if (cols[k].role != Role::kMoney) continue;
        Result<StatedAmount> part = ParseAmount(OwnText(t, r, k), unit_of(k));
        if (!part.ok()) continue;
        sum += part->value;
        ++parts;
      }
      if (parts > 0 && sum != stated->value) return true;
    }
    return false;
  };
  int data_rows = t.rows - data;
  for (int c = 0; c < t.cols && headed; ++c) {
    if (cols[c].role != Role::kMoney ||
        !ContainsAny(cols[c].header, kTableTotalWords))
      continue;
    int filled = 0;
    bool merged = false;
    for (int r = data; r < t.rows; ++r) {
      const Cell* cell = t.At(r, c);
      if (cell == nullptr || cell->row != r || FoldText(cell->text).empty())
        continue;
      ++filled;
      if (cell->rowspan >= 2) merged = true;
    }
    if ((data_rows >= 2 && (merged || filled == 1)) || differs_from_row_sum(c))
      cols[c].role = Role::kTotal;
  }

  // The amount column: the last money column with figures in it (a merged
  // 合计 column's part below a page break is empty).
  int amount_col = -1, item_col = -1, qty_col = -1, price_col = -1;
  for (int c = 0; c < t.cols; ++c) {
    if (cols[c].role == Role::kMoney &&
        (amount_col < 0 || ColumnHasDigit(t, data, c)))
      amount_col = c;
    if (cols[c].role == Role::kQuantity && qty_col < 0) qty_col = c;
    if (cols[c].role == Role::kPrice && price_col < 0) price_col = c;
  }
  if (!headed) amount_col = t.cols - 1;
  // The item column: the first without a role before the amount column that
  // names things rather than holding numbers.
  for (int c = 0; c < t.cols; ++c)
    if (cols[c].role == Role::kNone && (amount_col < 0 || c < amount_col) &&
        !NumbersOnly(t, data, c)) {
      item_col = c;
      break;
    }
  if (!headed) item_col = t.cols > 1 ? 0 : -1;

  std::optional<std::string> group;
  if (continued)
    group = around.carried_group;
  else if (header >= 0 && item_col >= 0 &&
      !IsGenericItemHeader(header_text[item_col]))
    group = FoldText(header_text[item_col]);
  else if (caption)
    group = *caption;

  // A table continued from the previous page starts with data rows and only
  // then reaches a group header row: those rows belong to the group that
  // was open on the previous page, read with this header's columns.
  if (header > first) {
    bool data_before = false;
    for (int r = first; r < header; ++r) data_before |= RowHasDigit(t, r);
    if (data_before) {
      data = first;
      group = around.carried_group;
    }
  }

  // Totals from a merged 合计 column.
  for (int c = 0; c < t.cols; ++c) {
    if (cols[c].role != Role::kTotal) continue;
    for (int r = data; r < t.rows; ++r) {
      const Cell* cell = t.At(r, c);
      if (cell == nullptr || cell->row != r || FoldText(cell->text).empty())
        continue;
      Result<StatedAmount> a = ParseAmount(cell->text, unit_of(c));
      if (!a.ok()) continue;
      StatedAmount total = std::move(a).value();
      total.source = CellSource(ctx, *cell);
      out.totals.push_back(total);
    }
  }

  for (int r = data; r < t.rows; ++r) {
    std::vector<const Cell*> own;
    std::string raw;
    float confidence = 1.0f, figures_confidence = 1.0f;
    for (const Cell* cell : CellsInRow(t, r)) {
      if (cell->row != r) continue;
      std::string text = FoldText(cell->text);
      if (text.empty()) continue;
      own.push_back(cell);
      raw += (raw.empty() ? "" : " ") + text;
      confidence = std::min(confidence, cell->confidence);
      if (cell->col != item_col)
        figures_confidence = std::min(figures_confidence, cell->confidence);
    }
    if (own.empty()) continue;
    std::string first_text = OwnText(t, r, item_col >= 0 ? item_col : 0);
    std::string first_compact = FoldCompact(first_text);
    if (EndsWith(first_compact, kGroupTail) && !RowHasDigit(t, r)) {
      group = first_text;
      continue;
    }
    if (!RowHasDigit(t, r)) continue;  // a note or sub-heading row

    bool is_total = false;
    for (std::string_view w : kTableTotalWords)
      if (StartsWith(first_compact, w)) is_total = true;

    // Formulas anywhere in the row, left to right.
    struct Found {
      int col;
      Formula formula;
    };
    std::vector<Found> formulas;
    for (const Cell* cell : own)
      if (LooksLikeFormula(cell->text))
        if (Result<Formula> f = ParseFormula(cell->text); f.ok())
          formulas.push_back({cell->col, std::move(f).value()});

    std::string amount_text = amount_col >= 0 ? OwnText(t, r, amount_col) : "";
    const Cell* amount_cell = amount_col >= 0 ? t.At(r, amount_col) : nullptr;
    if (is_total && amount_text.empty()) {
      // The total may sit in another column: take the last amount in the row.
      for (auto it = own.rbegin(); it != own.rend(); ++it)
        if ((*it)->col != (item_col >= 0 ? item_col : 0) &&
            ParseAmount((*it)->text, unit_of((*it)->col)).ok()) {
          amount_text = FoldText((*it)->text);
          amount_cell = *it;
          break;
        }
    }
    bool from_formula = false;
    Fen amount_unit = unit_of(amount_col);
    if (!formulas.empty() &&
        (amount_text.empty() || LooksLikeFormula(amount_text))) {
      from_formula = true;
      amount_unit = unit_of(formulas.back().col);
      amount_text = formulas.back().formula.result_text;
      amount_cell = t.At(r, formulas.back().col);
    }
    const std::string where = RowWhere(ctx, r);
    if (amount_text.empty()) {
      out.warnings.push_back(where + ": no amount in \"" + raw + "\"");
      continue;
    }
    // A reading kept, but too unsure for any check to pass on it.
    auto unsure = [&](const std::string& why) {
      out.guesses.push_back(where + ": read amount \"" + amount_text + "\" " +
                            why + ", unsure");
      figures_confidence = std::min(figures_confidence, kGuessedConfidence);
      confidence = std::min(confidence, kGuessedConfidence);
    };
    Result<StatedAmount> parsed = ParseAmount(amount_text, amount_unit);
    if (!parsed.ok()) {
      // "2]万元": kept as 21万元.
      std::optional<std::string> ones = ReadStrokesAsOnes(amount_text);
      Result<StatedAmount> repaired =
          ones ? ParseAmount(*ones, amount_unit) : parsed;
      if (!repaired.ok()) {
        out.warnings.push_back(where + ": " + parsed.status().message());
        continue;
      }
      unsure("as \"" + *ones + "\"");
      parsed = std::move(repaired);
    }
    if (LostLeadingDigit(amount_text)) unsure("opens with 0, a digit lost");
    StatedAmount amount = std::move(parsed).value();
    amount.source.page = ctx.page;
    amount.source.where = amount_cell ? CellWhere(ctx, *amount_cell) : where;
    if (amount_cell != nullptr) {
      amount.source.raw = FoldText(amount_cell->text);
      PlaceAtCell(ctx, *amount_cell, &amount.source);
    } else {
      PlaceAtRow(ctx, t, r, &amount.source);
    }
    amount.source.confidence = figures_confidence;
    if (is_total) {
      out.totals.push_back(amount);
      continue;
    }

    BudgetLine line;
    line.raw = raw;
    line.confidence = confidence;
    line.group = group;
    if (item_col >= 0) line.item = OwnText(t, r, item_col);
    if (line.item.empty() && caption) line.item = ItemFromCaption(*caption);
    if (line.item.empty() && item_col < 0 && qty_col >= 0)
      line.item = ItemFromHeaders(cols, qty_col, around.prose);
    line.amount = amount;
    line.amount_from_formula = from_formula;

    std::optional<QuantityWithUnit> qty_cell;
    if (qty_col >= 0)
      if (Result<QuantityWithUnit> q = ParseQuantity(OwnText(t, r, qty_col));
          q.ok())
        qty_cell = std::move(q).value();
    std::optional<Fen> price_cell;
    if (price_col >= 0)
      if (Result<StatedAmount> p =
              ParseAmount(OwnText(t, r, price_col), unit_of(price_col));
          p.ok())
        price_cell = p->value;
    auto qty_unit = [&]() -> std::optional<std::string> {
      if (qty_cell && qty_cell->unit) return qty_cell->unit;
      if (qty_col >= 0) return cols[qty_col].count_unit;
      return std::nullopt;
    };

    const Formula* last = from_formula ? &formulas.back().formula : nullptr;
    if (last != nullptr && last->factors.size() == 2) {
      // Which factor is the price: one equal to the price column or to an
      // earlier formula's result; else the one that is not the quantity;
      // else the first ("800×47": 800 per item).
      int price_idx = -1, price_source_col = -1;
      for (int i = 0; i < 2 && price_idx < 0; ++i) {
        if (price_cell &&
            SameAmount(last->factors[i], amount_unit, *price_cell)) {
          price_idx = i;
          price_source_col = price_col;
        }
        for (size_t k = 0; k + 1 < formulas.size() && price_idx < 0; ++k) {
          Result<StatedAmount> prev = ParseAmount(
              formulas[k].formula.result_text, unit_of(formulas[k].col));
          if (prev.ok() &&
              SameAmount(last->factors[i], amount_unit, prev->value)) {
            price_idx = i;
            price_source_col = formulas[k].col;
          }
        }
      }
      if (price_idx < 0 && qty_cell)
        for (int i = 0; i < 2; ++i)
          if (last->factors[i] == qty_cell->value) price_idx = 1 - i;
      if (price_idx < 0) price_idx = 0;
      const Decimal& qty = last->factors[1 - price_idx];
      line.quantity = qty;
      line.unit_price = last->factors[price_idx].Times(amount_unit);
      if (qty_cell && qty_cell->value == qty) {
        line.unit = qty_unit();
      } else if (price_source_col >= 0 && cols[price_source_col].per_unit) {
        line.unit = cols[price_source_col].per_unit;
      } else if (qty_col >= 0 && cols[qty_col].per_unit) {
        line.unit = cols[qty_col].per_unit;
      }
    } else if (last == nullptr) {
      if (qty_cell) {
        line.quantity = qty_cell->value;
        line.unit = qty_unit();
      }
      line.unit_price = price_cell;
    }
    out.lines.push_back(std::move(line));
  }
  out.last_group = group;
  if (headed) out.header = std::move(header_text);
  return out;
}

}  // namespace decltab::normalize
