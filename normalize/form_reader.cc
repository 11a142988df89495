#include "normalize/form_reader.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "normalize/amount.h"
#include "normalize/date.h"
#include "normalize/label_families.h"
#include "normalize/money_units.h"
#include "normalize/text.h"

namespace decltab::normalize {
namespace {

enum class Field {
  kName,
  kCategory,
  kDepartment,
  kImplementer,
  kStartDate,
  kEndDate,
  kPeriod,
  kTotal,
  kAnnualRequest,
  kAppropriation,
  kFiscal,
  kCarryover,
  kOther,
  kOverallGoal,
  kAnnualGoal,
};

// The fields of the form's header grid, by their names in
// label_families.txt.
struct FieldName {
  const char* name;
  Field field;
};
constexpr FieldName kFieldNames[] = {
    {"name", Field::kName},
    {"category", Field::kCategory},
    {"department", Field::kDepartment},
    {"implementer", Field::kImplementer},
    {"start_date", Field::kStartDate},
    {"end_date", Field::kEndDate},
    {"period", Field::kPeriod},
    {"funds.total", Field::kTotal},
    {"funds.annual_request", Field::kAnnualRequest},
    {"funds.appropriation", Field::kAppropriation},
    {"funds.fiscal", Field::kFiscal},
    {"funds.carryover", Field::kCarryover},
    {"funds.other", Field::kOther},
    {"goal.overall", Field::kOverallGoal},
    {"goal.annual", Field::kAnnualGoal},
};

std::optional<Field> FieldNamed(std::string_view name) {
  for (const FieldName& f : kFieldNames)
    if (name == f.name) return f.field;
  return std::nullopt;
}

// A label of the form and the field it names, from label_families.txt.
struct FormLabel {
  Field field;
  std::string text;        // FoldCompact, for a label with its value inline
  std::string label_form;  // LabelForm, for whole-cell similarity
};

const std::vector<FormLabel>& FormLabels() {
  static const std::vector<FormLabel> labels = [] {
    std::vector<FormLabel> out;
    for (const LabelFamilyEntry& e : LabelFamilies())
      if (std::optional<Field> field = FieldNamed(e.field))
        out.push_back({*field, e.label, LabelForm(e.label)});
    return out;
  }();
  return labels;
}

bool IsGoal(Field f) {
  return f == Field::kOverallGoal || f == Field::kAnnualGoal;
}

struct LabelHit {
  const Cell* cell;
  Field field;
  std::string inline_value;  // "项目名称 某某" read as one cell
};

// Matches a cell against the label table: whole-cell similarity, or an exact
// label followed by its value in the same cell.
std::optional<LabelHit> MatchLabel(const Cell& cell, double min_similarity) {
  std::string label = LabelForm(cell.text);
  if (label.empty()) return std::nullopt;
  const FormLabel* best = nullptr;
  double best_sim = 0;
  if (CodePointCount(label) <= 10) {
    for (const FormLabel& l : FormLabels()) {
      double sim = LabelSimilarity(label, l.label_form);
      if (sim > best_sim) {
        best_sim = sim;
        best = &l;
      }
    }
  }
  if (best != nullptr && best_sim >= min_similarity)
    return LabelHit{&cell, best->field, ""};
  std::string compact = FoldCompact(cell.text);
  for (const FormLabel& l : FormLabels()) {
    if (IsGoal(l.field) || CodePointCount(l.text) < 4) continue;
    if (StartsWith(compact, l.text) && compact.size() > l.text.size()) {
      std::string rest = compact.substr(l.text.size());
      if (StartsWith(rest, ":")) rest = rest.substr(1);
      return LabelHit{&cell, l.field, FoldText(rest)};
    }
  }
  return std::nullopt;
}

bool IsFunds(Field f) { return f >= Field::kTotal && f <= Field::kOther; }

// The funds field a label names, or null for other fields.
std::optional<StatedAmount>* FundsSlot(Funds* funds, Field field) {
  switch (field) {
    case Field::kTotal:
      return &funds->total;
    case Field::kAnnualRequest:
      return &funds->annual_request;
    case Field::kAppropriation:
      return &funds->appropriation;
    case Field::kFiscal:
      return &funds->fiscal;
    case Field::kCarryover:
      return &funds->carryover;
    case Field::kOther:
      return &funds->other;
    default:
      return nullptr;
  }
}

// The amount opening `s` ("250", "12.5万元"), after list marks and
// separators ("二、", ":", ";"); "" when none opens it.
std::string LeadingAmount(std::string_view s) {
  std::u32string u = ToU32(s);
  size_t i = 0;
  const std::u32string kSkip = U":;,、.()其中一二三四五六七八九十";
  while (i < u.size() && kSkip.find(u[i]) != std::u32string::npos) ++i;
  size_t start = i;
  while (i < u.size() && ((u[i] >= '0' && u[i] <= '9') || u[i] == '.' ||
                          u[i] == ','))
    ++i;
  if (i == start) return "";
  std::string number = ToUtf8(u.substr(start, i - start));
  std::string rest = ToUtf8(u.substr(i));
  for (const MoneyUnit& unit : kMoneyUnits)
    if (StartsWith(rest, unit.text)) return number + std::string(unit.text);
  return number;
}

// A value cell holding several labelled amounts ("250 二、预算资金:250
// 三、自有资金:0", "总额:250 其中:财政拨款:250 其他资金:0"): the amount
// before the first funds label is the cell's own (`own`), each label's
// amount follows it. Empty unless at least one funds label is found.
std::vector<std::pair<Field, std::string>> LabelledAmounts(
    const std::string& compact, Field own) {
  struct At {
    size_t pos, len;
    Field field;
  };
  std::vector<At> found;
  for (const FormLabel& l : FormLabels()) {
    if (!IsFunds(l.field)) continue;
    for (size_t at = compact.find(l.text); at != std::string::npos;
         at = compact.find(l.text, at + 1))
      found.push_back({at, l.text.size(), l.field});
  }
  // Longest label at each place; no overlaps ("当年财政拨款" over "财政拨款").
  std::sort(found.begin(), found.end(), [](const At& a, const At& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.len > b.len;
  });
  std::vector<At> labels;
  for (const At& a : found)
    if (labels.empty() || a.pos >= labels.back().pos + labels.back().len)
      labels.push_back(a);
  std::vector<std::pair<Field, std::string>> out;
  if (labels.empty()) return out;
  std::string head = LeadingAmount(compact.substr(0, labels[0].pos));
  if (!head.empty()) out.push_back({own, head});
  for (size_t i = 0; i < labels.size(); ++i) {
    size_t from = labels[i].pos + labels[i].len;
    size_t to = i + 1 < labels.size() ? labels[i + 1].pos : compact.size();
    std::string amount = LeadingAmount(compact.substr(from, to - from));
    if (!amount.empty()) out.push_back({labels[i].field, amount});
  }
  return out;
}

// "主管部门及其编码 | 湖南省某某厅 101001": the code is split off the name
// when the label announces one (编码/代码); a name keeps its digits otherwise.
std::string WithoutDepartmentCode(const std::string& value,
                                  const Cell& label) {
  const std::string label_text = FoldCompact(label.text);
  if (label_text.find("编码") == std::string::npos &&
      label_text.find("代码") == std::string::npos)
    return value;
  std::u32string v = ToU32(value);
  auto is_code = [](char32_t c) {
    return (c >= '0' && c <= '9') || c == ' ' || c == '[' || c == ']' ||
           c == '(' || c == ')' || c == ':' || c == '-';
  };
  // A run of code characters at either end, if it holds 3+ digits.
  auto digits = [&](size_t from, size_t to) {
    int n = 0;
    for (size_t i = from; i < to; ++i) n += v[i] >= '0' && v[i] <= '9';
    return n;
  };
  size_t begin = 0, end = v.size();
  while (begin < end && is_code(v[begin])) ++begin;
  if (digits(0, begin) < 3) begin = 0;
  while (end > begin && is_code(v[end - 1])) --end;
  if (digits(end, v.size()) < 3) end = v.size();
  if (begin >= end) return value;  // all code: keep what was read
  return ToUtf8(v.substr(begin, end - begin));
}

bool Overlaps(const Cell& a, const Cell& b) {
  return a.row < b.row + b.rowspan && b.row < a.row + a.rowspan;
}

}  // namespace

std::vector<std::string> FormLabelTexts() {
  std::vector<std::string> texts;
  for (const FormLabel& l : FormLabels()) texts.push_back(l.text);
  return texts;
}

bool IsFormField(std::string_view name) { return FieldNamed(name).has_value(); }

std::optional<int> FormNameRow(const Table& table, double min_similarity) {
  for (const Cell& cell : table.cells) {
    std::optional<LabelHit> hit = MatchLabel(cell, min_similarity);
    if (hit && hit->field == Field::kName) return cell.row;
  }
  return std::nullopt;
}

bool IsFormTable(const Table& table, double min_similarity) {
  return FormNameRow(table, min_similarity).has_value();
}

bool IsFormContinuation(const Table& table, double min_similarity) {
  int labels = 0;
  for (const Cell& cell : table.cells) {
    std::optional<LabelHit> hit = MatchLabel(cell, min_similarity);
    if (hit && hit->field == Field::kName) return false;
    if (hit) ++labels;
  }
  return labels >= 2;
}

FormHeader ReadFormHeader(const Table& table, const TableContext& ctx,
                          int end_row, double min_similarity) {
  FormHeader out;
  std::vector<LabelHit> hits;
  std::map<const Cell*, bool> is_label;
  Fen unit = kYuan;
  for (const Cell& cell : table.cells) {
    if (cell.row >= end_row) continue;
    std::string compact = FoldCompact(cell.text);
    // A label in a larger unit than 元 sets the unit of the form's bare
    // figures ("项目资金(万元)"); "(元)" beside it does not set it back.
    if (std::optional<Fen> named = UnitInLabel(compact); named && *named != kYuan)
      unit = *named;
    if (std::optional<LabelHit> hit = MatchLabel(cell, min_similarity)) {
      hits.push_back(*hit);
      is_label[&cell] = true;
    }
  }
  out.found_any_label = !hits.empty();

  // The value right of a label: the nearest cell to the right overlapping
  // its rows, skipping empty cells but never passing another label.
  auto value_right = [&](const Cell& label) -> const Cell* {
    std::vector<const Cell*> right;
    for (const Cell& cell : table.cells)
      if (cell.col >= label.col + label.colspan && Overlaps(cell, label) &&
          cell.row < end_row)
        right.push_back(&cell);
    std::sort(right.begin(), right.end(), [&](const Cell* a, const Cell* b) {
      if (a->col != b->col) return a->col < b->col;
      return std::abs(a->row - label.row) < std::abs(b->row - label.row);
    });
    for (const Cell* cell : right) {
      if (is_label.count(cell)) return nullptr;
      if (!FoldText(cell->text).empty()) return cell;
    }
    return nullptr;
  };
  auto value_below = [&](const Cell& label) -> const Cell* {
    const Cell* below = table.At(label.row + label.rowspan, label.col);
    if (below == nullptr || below->row >= end_row || is_label.count(below) ||
        FoldText(below->text).empty())
      return nullptr;
    return below;
  };

  // Of two 其他资金 labels the left one (under 项目资金总额) is the project's;
  // the right one belongs to the annual side (年度资金申请总额).
  int annual_col = -1;
  for (const LabelHit& h : hits)
    if (h.field == Field::kAnnualRequest) annual_col = h.cell->col;
  const LabelHit* other = nullptr;
  for (const LabelHit& h : hits) {
    if (h.field != Field::kOther) continue;
    if (annual_col >= 0 && h.cell->col >= annual_col) continue;
    if (other == nullptr || h.cell->col < other->cell->col) other = &h;
  }

  std::set<const Cell*> used;  // value cells of known labels
  struct SplitAmount {
    Field field;
    std::string amount_text;
    Source src;
  };
  std::vector<SplitAmount> split_amounts;
  for (const LabelHit& h : hits) {
    if (h.field == Field::kOther && &h != other) continue;
    std::string text;
    Source src;
    if (!h.inline_value.empty()) {
      text = h.inline_value;
      src = CellSource(ctx, *h.cell);
    } else {
      const Cell* value = IsGoal(h.field) ? value_below(*h.cell) : nullptr;
      if (value == nullptr) value = value_right(*h.cell);
      if (value == nullptr) continue;
      used.insert(value);
      text = FoldText(value->text);
      src = CellSource(ctx, *value);
      src.confidence = std::min(src.confidence, h.cell->confidence);
    }
    if (text.empty()) continue;

    auto set_text = [&](std::optional<std::string>* slot) {
      if (!*slot) *slot = text;
    };
    auto set_date = [&](std::optional<std::string>* slot) {
      if (*slot) return;
      *slot = ParseDate(text);
      if (!*slot)
        out.warnings.push_back(src.where + ": cannot parse date \"" + text +
                               "\"");
    };
    // Parses `amount_text` into `slot` (kept when already set), with the
    // value cell's source.
    auto parse_into = [&](std::optional<StatedAmount>* slot,
                          const std::string& amount_text) -> Status {
      if (*slot) return Status::Ok();
      Result<StatedAmount> amount = ParseAmount(amount_text, unit);
      if (!amount.ok()) return amount.status();
      StatedAmount a = std::move(amount).value();
      a.source = src;
      if (LostLeadingDigit(amount_text)) {
        a.source.confidence = std::min(a.source.confidence, kGuessedConfidence);
        out.warnings.push_back(src.where + ": amount \"" + amount_text +
                               "\" opens with 0, a digit lost, unsure");
      }
      *slot = a;
      return Status::Ok();
    };
    auto set_amount = [&](Field field) {
      Status parsed = parse_into(FundsSlot(&out.funds, field), text);
      if (parsed.ok()) return;
      std::vector<std::pair<Field, std::string>> parts =
          LabelledAmounts(FoldCompact(text), field);
      if (parts.empty()) {
        out.warnings.push_back(src.where + ": " + parsed.message());
        return;
      }
      // Other fields' amounts wait until every field's own cell was read.
      for (const auto& [part_field, amount_text] : parts)
        if (part_field == field)
          parse_into(FundsSlot(&out.funds, field), amount_text);
        else
          split_amounts.push_back({part_field, amount_text, src});
    };
    switch (h.field) {
      case Field::kName:
        set_text(&out.name);
        break;
      case Field::kCategory:
        set_text(&out.category);
        break;
      case Field::kDepartment:
        if (!out.department) out.department = WithoutDepartmentCode(text, *h.cell);
        break;
      case Field::kImplementer:
        set_text(&out.implementer);
        break;
      case Field::kStartDate:
        set_date(&out.start_date);
        break;
      case Field::kEndDate:
        set_date(&out.end_date);
        break;
      case Field::kPeriod:
        if (std::optional<std::pair<std::string, std::string>> period =
                ParsePeriod(text)) {
          if (!out.start_date) out.start_date = period->first;
          if (!out.end_date) out.end_date = period->second;
        } else {
          out.warnings.push_back(src.where + ": cannot parse period \"" +
                                 text + "\"");
        }
        break;
      case Field::kTotal:
      case Field::kAnnualRequest:
      case Field::kAppropriation:
      case Field::kFiscal:
      case Field::kCarryover:
      case Field::kOther:
        set_amount(h.field);
        break;
      case Field::kOverallGoal:
        set_text(&out.overall_goal);
        break;
      case Field::kAnnualGoal:
        set_text(&out.annual_goal);
        break;
    }
  }
  // Amounts labelled inside another field's value cell fill the fields
  // no cell of their own stated.
  for (const SplitAmount& part : split_amounts) {
    std::optional<StatedAmount>* slot = FundsSlot(&out.funds, part.field);
    if (*slot) continue;
    Result<StatedAmount> amount = ParseAmount(part.amount_text, unit);
    if (!amount.ok()) continue;
    StatedAmount a = std::move(amount).value();
    a.source = part.src;
    if (LostLeadingDigit(part.amount_text))
      a.source.confidence = std::min(a.source.confidence, kGuessedConfidence);
    *slot = a;
  }
  // Label columns: the first, and those where a known label stands.
  std::set<int> label_cols = {0};
  for (const LabelHit& h : hits) label_cols.insert(h.cell->col);
  for (const Cell& cell : table.cells) {
    if (cell.row >= end_row || is_label.count(&cell) || used.count(&cell) ||
        !label_cols.count(cell.col))
      continue;
    const std::string label = LabelForm(cell.text);
    const size_t length = CodePointCount(label);
    if (length < 2 || length > 12 ||
        label.find_first_of("0123456789") != std::string::npos)
      continue;
    out.unknown_labels.push_back(CellSource(ctx, cell).where + ": \"" +
                                 label + "\"");
  }
  return out;
}

}  // namespace decltab::normalize
