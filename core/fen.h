// Fen: an exact amount of money as an integer count of 0.01 元.
// Parsing from text lives in normalize/amount.h (never through double);
// formatting as 元 text lives here because every exporter needs it.
#ifndef DECLTAB_CORE_FEN_H_
#define DECLTAB_CORE_FEN_H_

#include <cstdint>
#include <string>

namespace decltab {

class Fen {
 public:
  constexpr Fen() = default;
  constexpr explicit Fen(int64_t count) : count_(count) {}
  static constexpr Fen FromYuan(int64_t yuan) { return Fen(yuan * 100); }

  constexpr int64_t count() const { return count_; }

  constexpr Fen operator+(Fen o) const { return Fen(count_ + o.count_); }
  constexpr Fen operator-(Fen o) const { return Fen(count_ - o.count_); }
  Fen& operator+=(Fen o) { count_ += o.count_; return *this; }
  constexpr bool operator==(Fen o) const { return count_ == o.count_; }
  constexpr bool operator!=(Fen o) const { return count_ != o.count_; }
  constexpr bool operator<(Fen o) const { return count_ < o.count_; }

  // "1250000.00", "-0.50": 元 with exactly two decimals.
  std::string ToYuanString() const {
    int64_t c = count_ < 0 ? -count_ : count_;
    std::string frac = std::to_string(c % 100);
    if (frac.size() < 2) frac = "0" + frac;
    return (count_ < 0 ? "-" : "") + std::to_string(c / 100) + "." + frac;
  }

 private:
  int64_t count_ = 0;
};

}  // namespace decltab

#endif  // DECLTAB_CORE_FEN_H_
