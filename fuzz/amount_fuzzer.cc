// Amounts, quantities, written-out products and decimals (normalize/amount.h,
// core/decimal.h) on arbitrary text. Properties: a parsed amount is a whole
// number of its precision, the precision is positive, and the amount written
// back as 元 reads as the same fen; quantities and decimals survive a round
// trip through their text; a formula has two or more factors.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/decimal.h"
#include "fuzz/fuzz_check.h"
#include "normalize/amount.h"
#include "normalize/text.h"

namespace {

using namespace decltab;
using namespace decltab::normalize;

void CheckAmount(std::string_view text, Fen unit) {
  Result<StatedAmount> amount = ParseAmount(text, unit);
  if (!amount.ok()) return;
  FUZZ_CHECK(amount->precision.count() > 0);
  FUZZ_CHECK(amount->value.count() % amount->precision.count() == 0);
  FUZZ_CHECK(amount->source.raw == text);
  Result<StatedAmount> again =
      ParseAmount(amount->value.ToYuanString() + "元", unit);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->value == amount->value);
}

void CheckQuantity(std::string_view text) {
  Result<QuantityWithUnit> q = ParseQuantity(text);
  if (!q.ok()) return;
  std::optional<Decimal> again = Decimal::Parse(q->value.ToString());
  FUZZ_CHECK(again && *again == q->value);
  if (q->unit) {
    FUZZ_CHECK(!q->unit->empty());
    FUZZ_CHECK(CodePointCount(*q->unit) <= 4);
    FUZZ_CHECK(q->unit->find_first_of("0123456789") == std::string::npos);
  }
}

void CheckFormula(std::string_view text) {
  LooksLikeFormula(text);
  Result<Formula> f = ParseFormula(text);
  if (!f.ok()) return;
  FUZZ_CHECK(f->factors.size() >= 2);
  FUZZ_CHECK(!f->result_text.empty());
  for (const Decimal& d : f->factors) {
    FUZZ_CHECK(d.scale >= 0 && d.scale <= 9);
  }
}

void CheckDecimal(const std::string& text) {
  std::optional<Decimal> d = Decimal::Parse(text);
  if (!d) return;
  FUZZ_CHECK(d->scale >= 0 && d->scale <= 9);
  std::optional<Decimal> again = Decimal::Parse(d->ToString());
  FUZZ_CHECK(again && *again == *d);
  d->ToDouble();
  d->Times(kWanYuan);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  CheckAmount(text, kYuan);
  CheckAmount(text, kWanYuan);
  CheckQuantity(text);
  CheckFormula(text);
  CheckDecimal(text);
  return 0;
}
