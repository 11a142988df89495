// Paragraph joining (normalize/paragraphs.h) on pages of arbitrary text
// lines and tables with coordinates inside a large page. Properties: every
// line's text ends up in exactly one paragraph (the bytes are conserved),
// there are never more paragraphs than lines, and a paragraph's confidence
// is that of one of its lines.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "normalize/paragraphs.h"

namespace {

using namespace decltab;

// Pixel coordinates stay within a 600 dpi A0 sheet, as rendered pages do.
constexpr int kMaxCoordinate = 30'000;

Rect ConsumeRect(FuzzedDataProvider& in) {
  Rect r;
  r.x = in.ConsumeIntegralInRange(0, kMaxCoordinate);
  r.y = in.ConsumeIntegralInRange(0, kMaxCoordinate);
  r.width = in.ConsumeIntegralInRange(1, kMaxCoordinate);
  r.height = in.ConsumeIntegralInRange(1, kMaxCoordinate);
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  PageLayout page;
  page.width = in.ConsumeIntegralInRange(1, kMaxCoordinate);
  page.height = in.ConsumeIntegralInRange(1, kMaxCoordinate);
  const int tables = in.ConsumeIntegralInRange(0, 3);
  for (int i = 0; i < tables; ++i) {
    Table t;
    t.box = ConsumeRect(in);
    page.tables.push_back(t);
  }
  size_t bytes_in = 0;
  std::vector<float> confidences;
  while (in.remaining_bytes() > 0 && page.blocks.size() < 64) {
    TextBlock b;
    b.box = ConsumeRect(in);
    b.confidence = in.ConsumeIntegralInRange(0, 100) / 100.0f;
    b.text = in.ConsumeRandomLengthString(16);
    bytes_in += b.text.size();
    confidences.push_back(b.confidence);
    page.blocks.push_back(b);
  }

  std::vector<TextBlock> paragraphs = normalize::JoinParagraphs(page);
  FUZZ_CHECK(paragraphs.size() <= page.blocks.size());
  size_t bytes_out = 0;
  for (const TextBlock& p : paragraphs) {
    bytes_out += p.text.size();
    FUZZ_CHECK(!p.box.empty());
    FUZZ_CHECK(std::find(confidences.begin(), confidences.end(),
                         p.confidence) != confidences.end());
  }
  FUZZ_CHECK(bytes_out == bytes_in);
  return 0;
}
