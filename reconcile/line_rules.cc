// line_quantity_times_price: quantity × unit price = amount, for table rows
// that state both and for formula cells such as "800×47=38000".
#include <string>

#include "reconcile/check_text.h"
#include "reconcile/rules.h"

namespace decltab::reconcile {
namespace {

// quantity × price rounded half away from zero to the fen (0.5 × 0.01 元
// has no exact fen); nullopt on overflow.
std::optional<Fen> RoundedProduct(const Decimal& quantity, Fen price) {
  __int128 product = static_cast<__int128>(quantity.mantissa) * price.count();
  __int128 divisor = 1;
  for (int i = 0; i < quantity.scale; ++i) divisor *= 10;
  __int128 magnitude = product < 0 ? -product : product;
  __int128 rounded = (magnitude + divisor / 2) / divisor;
  if (product < 0) rounded = -rounded;
  if (rounded > INT64_MAX || rounded < INT64_MIN) return std::nullopt;
  return Fen(static_cast<int64_t>(rounded));
}

}  // namespace

void LineQuantityTimesPrice(const RuleContext& context, std::vector<Check>* out) {
  const std::vector<BudgetLine>& lines = context.project->budget_lines;
  for (size_t i = 0; i < lines.size(); ++i) {
    const BudgetLine& line = lines[i];
    bool stated = line.quantity.has_value() && line.unit_price.has_value();
    if (!stated && !line.amount_from_formula) continue;
    std::string name = "line " + std::to_string(i + 1) + " '" + line.item + "'";
    if (!stated) {
      out->push_back(Unverifiable(
          kLineQuantityTimesPrice,
          name + ": formula without quantity and unit price read at " +
              DescribeSource(line.amount.source)));
      continue;
    }
    std::optional<Fen> product = RoundedProduct(*line.quantity, *line.unit_price);
    if (!product) {
      out->push_back(Unverifiable(kLineQuantityTimesPrice,
                                  name + ": quantity × unit price overflows"));
      continue;
    }
    std::string what = name + ": " + line.quantity->ToString() + " × " +
                       Yuan(*line.unit_price) + " = " + Yuan(*product) + " vs " +
                       DescribeFigure("amount", line.amount);
    out->push_back(CompareToStated(
        kLineQuantityTimesPrice, *product, line.amount.value,
        line.amount.precision, what,
        LowConfidence({{name + " amount", &line.amount.source}},
                      context.options.min_confidence)));
  }
}

}  // namespace decltab::reconcile
