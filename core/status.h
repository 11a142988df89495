// Status: success or an error code with a message that says what and where,
// e.g. `page 3: row 5: cannot parse amount "2 75万元"`. Library code returns
// Status / Result<T> and does not throw.
#ifndef DECLTAB_CORE_STATUS_H_
#define DECLTAB_CORE_STATUS_H_

#include <string>
#include <utility>

namespace decltab {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,  // unusable input (not a PDF, encrypted, no pages ...): exit 2
    kNotFound,
    kInternal,      // anything else: exit 1
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(Code::kInvalidInput, std::move(msg));
  }
  static Status NotFound(std::string msg) {
    return Status(Code::kNotFound, std::move(msg));
  }
  static Status Internal(std::string msg) {
    return Status(Code::kInternal, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is prefixed with `where: `.
  Status WithContext(const std::string& where) const {
    if (ok()) return *this;
    return Status(code_, where + ": " + message_);
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace decltab

#endif  // DECLTAB_CORE_STATUS_H_
