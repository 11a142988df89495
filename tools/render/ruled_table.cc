#include "tools/render/ruled_table.h"

#include <algorithm>
#include <numeric>

namespace decltab::render {

double GridBand::width() const {
  return std::accumulate(col_widths.begin(), col_widths.end(), 0.0);
}

const GridCell* GridBand::CellAt(int row, int col) const {
  for (const GridCell& c : cells)
    if (row >= c.row && row < c.row + c.rowspan && col >= c.col &&
        col < c.col + c.colspan)
      return &c;
  return nullptr;
}

int RuledTable::row_count() const {
  int n = 0;
  for (const GridBand& band : bands) n += band.row_count;
  return n;
}

std::vector<double> ResolveColumnWidths(const std::vector<double>& fixed,
                                        const std::vector<double>& weights,
                                        double total) {
  const size_t n = fixed.size();
  double fixed_sum = 0, weight_sum = 0;
  for (size_t i = 0; i < n; ++i) {
    if (fixed[i] > 0) {
      fixed_sum += fixed[i];
    } else {
      weight_sum += i < weights.size() && weights[i] > 0 ? weights[i] : 1.0;
    }
  }
  std::vector<double> widths(n, 0.0);
  const bool squeeze = weight_sum == 0 || total - fixed_sum < 0.25 * total;
  if (squeeze) {
    // Too little room for the flexible columns: give them a fixed share and
    // scale everything to fit.
    std::vector<double> raw(n);
    double raw_sum = 0;
    for (size_t i = 0; i < n; ++i) {
      raw[i] =
          fixed[i] > 0 ? fixed[i] : 0.25 * total / std::max(1.0, double(n));
      raw_sum += raw[i];
    }
    for (size_t i = 0; i < n; ++i)
      widths[i] = raw_sum > 0 ? raw[i] * total / raw_sum : 0;
    return widths;
  }
  const double flexible = total - fixed_sum;
  for (size_t i = 0; i < n; ++i) {
    if (fixed[i] > 0) {
      widths[i] = fixed[i];
    } else {
      double w = i < weights.size() && weights[i] > 0 ? weights[i] : 1.0;
      widths[i] = flexible * w / weight_sum;
    }
  }
  return widths;
}

}  // namespace decltab::render
