#include "normalize/form_reader.h"

#include <algorithm>
#include <cstdlib>
#include <map>

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
    auto set_amount = [&](std::optional<StatedAmount>* slot) {
      if (*slot) return;
      Result<StatedAmount> amount = ParseAmount(text, unit);
      if (!amount.ok()) {
        out.warnings.push_back(src.where + ": " + amount.status().message());
        return;
      }
      StatedAmount a = std::move(amount).value();
      a.source = src;
      if (LostLeadingDigit(text)) {
        a.source.confidence = std::min(a.source.confidence, kGuessedConfidence);
        out.warnings.push_back(src.where + ": amount \"" + text +
                               "\" opens with 0, a digit lost, unsure");
      }
      *slot = a;
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
        set_amount(&out.funds.total);
        break;
      case Field::kAnnualRequest:
        set_amount(&out.funds.annual_request);
        break;
      case Field::kAppropriation:
        set_amount(&out.funds.appropriation);
        break;
      case Field::kFiscal:
        set_amount(&out.funds.fiscal);
        break;
      case Field::kCarryover:
        set_amount(&out.funds.carryover);
        break;
      case Field::kOther:
        set_amount(&out.funds.other);
        break;
      case Field::kOverallGoal:
        set_text(&out.overall_goal);
        break;
      case Field::kAnnualGoal:
        set_text(&out.annual_goal);
        break;
    }
  }
  return out;
}

}  // namespace decltab::normalize
